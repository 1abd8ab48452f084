mklib () 
{ 
    local root=$1 name=$2 scope=$3 type=$4 depth;
    depth=$(echo "$root" | awk -F/ '{print NF}');
    local up=$(printf '../%.0s' $(seq 1 $depth));
    mkdir -p $root/src;
    cat > $root/project.json <<EOF
{
  "name": "$name",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$root/src",
  "projectType": "library",
  "tags": ["scope:$scope", "type:$type"],
  "targets": {
    "lint": {
      "executor": "@nx/eslint:lint",
      "options": { "lintFilePatterns": ["$root"], "maxWarnings": 0 }
    },
    "typecheck": {
      "executor": "nx:run-commands",
      "options": { "command": "tsc --noEmit -p $root/tsconfig.lib.json && tsc --noEmit -p $root/tsconfig.spec.json" }
    },
    "test": {
      "executor": "@nx/jest:jest",
      "options": { "jestConfig": "$root/jest.config.cjs", "passWithNoTests": false }
    }
  }
}
EOF

    cat > $root/tsconfig.json <<EOF
{
  "extends": "${up}tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
EOF

    cat > $root/tsconfig.lib.json <<EOF
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/**/*.int-spec.ts"]
}
EOF

    cat > $root/tsconfig.spec.json <<EOF
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["jest", "node"] },
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
EOF

    cat > $root/jest.config.cjs <<EOF
module.exports = {
  displayName: '$name',
  preset: '${up}jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
};
EOF

}
