{{- define "stl.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "stl.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "stl.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "stl.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{- define "stl.secretName" -}}
{{- .Values.secrets.existingSecret | default (printf "%s-secrets" (include "stl.fullname" .)) -}}
{{- end -}}

{{/* The Secret and key holding DATABASE_URL for the serving pods. */}}
{{- define "stl.databaseSecret" -}}
{{- if .Values.cloudnativepg.enabled -}}
{{- printf "%s-db-app" (include "stl.fullname" .) -}}
{{- else -}}
{{- required "database.existingSecret (a Secret with a postgres:// URL) or cloudnativepg.enabled is required" .Values.database.existingSecret -}}
{{- end -}}
{{- end -}}

{{/* Non-empty when the pods reach PostgreSQL through the CloudNativePG PgBouncer pooler. */}}
{{- define "stl.pooled" -}}
{{- if and .Values.cloudnativepg.enabled .Values.cloudnativepg.pooler.enabled }}true{{ end -}}
{{- end -}}

{{/* With the CloudNativePG pooler, the pods go through PgBouncer: the URL is built from the app secret's parts. */}}
{{- define "stl.databaseEnv" -}}
{{- if include "stl.pooled" . }}
- name: DB_USER
  valueFrom: { secretKeyRef: { name: {{ include "stl.databaseSecret" . }}, key: username } }
- name: DB_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ include "stl.databaseSecret" . }}, key: password } }
- name: DATABASE_URL
  value: "postgres://$(DB_USER):$(DB_PASSWORD)@{{ include "stl.fullname" . }}-pooler-rw:5432/app"
{{- else }}
- name: DATABASE_URL
  valueFrom: { secretKeyRef: { name: {{ include "stl.databaseSecret" . }}, key: {{ .Values.database.key }} } }
{{- end }}
{{- end -}}

{{/* The pod spec shared by the API and the worker deployments. */}}
{{- define "stl.podSpec" -}}
securityContext: {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
terminationGracePeriodSeconds: {{ .root.Values.terminationGracePeriodSeconds }}
automountServiceAccountToken: false
containers:
  - name: {{ .component }}
    image: {{ include "stl.image" .root }}
    imagePullPolicy: {{ .root.Values.image.pullPolicy }}
    securityContext: {{- toYaml .root.Values.securityContext | nindent 6 }}
    ports:
      - { name: http, containerPort: 3000 }
    envFrom:
      - configMapRef: { name: {{ include "stl.fullname" .root }}-config }
      - secretRef: { name: {{ include "stl.secretName" .root }} }
    env:
      - { name: WORKER_ENABLED, value: {{ .worker | quote }} }
      {{- if not .worker }}
      - { name: REMINDER_CRON, value: "off" }
      {{- end }}
      {{- if include "stl.pooled" .root }}
      # Through PgBouncer in transaction mode: no migration lock here; the migrate job runs them.
      - { name: MIGRATE_ON_START, value: "false" }
      # LISTEN does not hold through transaction pooling: workers poll only.
      - { name: WORKER_LISTEN, value: "false" }
      {{- end }}
      {{- include "stl.databaseEnv" .root | nindent 6 }}
    resources: {{- toYaml .resources | nindent 6 }}
    startupProbe:
      httpGet: { path: /health/live, port: http }
      periodSeconds: 5
      failureThreshold: 60
    livenessProbe:
      httpGet: { path: /health/live, port: http }
      periodSeconds: 10
      timeoutSeconds: 3
      failureThreshold: 3
    readinessProbe:
      httpGet: { path: /health/ready, port: http }
      periodSeconds: 5
      timeoutSeconds: 3
      failureThreshold: 2
    lifecycle:
      preStop:
        exec: { command: [sleep, {{ .root.Values.preStopSleepSeconds | quote }}] }
    volumeMounts:
      - { name: tmp, mountPath: /tmp }
volumes:
  - name: tmp
    emptyDir: { sizeLimit: 64Mi }
{{- end -}}
