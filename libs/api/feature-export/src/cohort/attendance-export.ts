import type { ExportWorkbook } from '../table/export-table';
import { ATTENDANCE_SV } from './swedish';

export interface ExportMeeting {
  id: string;
  number: number;
  title: string;
  startsAt: Date;
}

export interface ExportParticipant {
  personId: string;
  fullName: string;
  schoolName: string | null;
}

export interface ExportAttendance {
  meetingId: string;
  personId: string;
  status: 'PRESENT' | 'ABSENT' | 'EXCUSED';
}

/**
 * The attendance list: one row per meeting held (started by `now`, the meetings progress counts)
 * and participant, in meeting order and then the participants' order on screen, with the status
 * recorded on the attendance page or "Inte registrerad". Meetings not yet held have no attendance
 * and are left out.
 */
export function attendanceWorkbook(
  meetings: readonly ExportMeeting[],
  participants: readonly ExportParticipant[],
  attendance: readonly ExportAttendance[],
  now: Date,
): ExportWorkbook {
  const statusOf = new Map(attendance.map((a) => [`${a.meetingId}:${a.personId}`, a.status]));
  const held = [...meetings]
    .filter((m) => m.startsAt.getTime() <= now.getTime())
    .sort((a, b) => a.number - b.number);
  return {
    sheets: [
      {
        name: 'Närvaro',
        columns: [
          { header: 'Träff', type: 'integer', width: 8 },
          { header: 'Titel', type: 'text', width: 32 },
          { header: 'Började', type: 'datetime' },
          { header: 'Namn', type: 'text', width: 28 },
          { header: 'Skola', type: 'text', width: 28 },
          { header: 'Närvaro', type: 'text', width: 18 },
        ],
        rows: held.flatMap((m) =>
          participants.map((p) => [
            m.number,
            m.title,
            m.startsAt,
            p.fullName,
            p.schoolName,
            ATTENDANCE_SV[statusOf.get(`${m.id}:${p.personId}`) ?? 'NOT_RECORDED'],
          ]),
        ),
      },
    ],
  };
}
