import type { MailDictionary } from './dictionary';

const list = (items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

export const en: MailDictionary = {
  common: {
    brand: 'The STL platform',
    greeting: (name) => `Hello ${name},`,
    signOff: 'Best regards\nThe STL platform',
    actionFallback: 'If the button does not work, open this address in your browser:',
    unsubscribe: (kindName) => `Turn off e-mails about ${kindName}`,
    unsubscribeHint: 'No login needed.',
    settings: 'Choose which e-mails you get',
    cohort: 'Cohort',
    round: 'Analysis round',
    analysis: 'Analysis',
    author: 'Written by',
    feedbackDue: 'Feedback due',
    submissionDue: 'Publish by',
    items: (count) => (count === 1 ? '1 item' : `${count} items`),
    reviewTask: ({ authorName, title }) => (title ? `${authorName}: “${title}”` : authorName),
  },
  accessibilityReport: {
    subject: ({ organisation }) => `Accessibility problem reported on the STL platform (${organisation})`,
    heading: 'Someone has reported an accessibility problem',
    intro: ({ organisation }) =>
      `A user has reported a lack of accessibility on the STL platform of ${organisation}, from the accessibility statement. Under the Swedish law on accessible digital public services, the report must be handled and answered.`,
    descriptionHeading: 'What the user writes:',
    reportedAt: 'Reported',
    where: 'Where',
    reporter: 'Name',
    anonymous: 'no name given',
    email: 'E-mail',
    noEmail: 'no address given',
    signedIn: 'Signed in',
    yes: 'yes',
    no: 'no',
    replyHint: 'Reply to this e-mail to reach the person who reported it.',
    noReplyHint: 'The person left no e-mail address and cannot be answered directly.',
    action: 'Read the accessibility statement',
    reason: ({ organisation }) =>
      `You are receiving this e-mail because you receive accessibility reports for ${organisation}. It cannot be turned off.`,
  },
  kindNames: {
    REVIEW_ASSIGNED: 'new critical-friend assignments',
    FEEDBACK_RECEIVED: 'new feedback on your analyses',
    ANALYSIS_PUBLISHED: 'new analyses in rounds where you give feedback',
    FEEDBACK_DUE_48H: 'feedback due within two days',
    FEEDBACK_DUE_TODAY: 'feedback due today',
    FEEDBACK_OVERDUE: 'overdue feedback',
    FEEDBACK_OVERDUE_LEADER_NOTICE: 'participants who have not given feedback despite reminders',
    SUBMISSION_DUE_48H: 'analyses due within two days',
    SUBMISSION_OVERDUE: 'overdue analyses',
    MEETING_TOMORROW: 'reminders the day before meetings',
    WEEKLY_LEADER_SUMMARY: 'the weekly summary for course leaders',
    SCHOOL_LEADER_SUMMARY: 'the progress report for school leaders',
    DIGEST: 'the daily summary',
    NUDGE: 'reminders from your course leader',
    INVITATION: 'invitations to the platform',
    PASSWORD_RESET: 'links to reset your password',
    SIGN_IN_LINK: 'sign-in links',
    COHORT_WELCOME: 'welcome mail when a cohort starts',
    ACCESSIBILITY_REPORT: 'reports of accessibility problems',
  },
  reviewAssigned: {
    subject: ({ authorName, round }) =>
      `You are a critical friend to ${authorName} in analysis round ${round}`,
    heading: 'You have a new critical-friend assignment',
    intro: ({ authorName, round, cohort }) =>
      `${authorName} has published their analysis in analysis round ${round} of ${cohort}, and you are one of the critical friends who give feedback on it.`,
    advice:
      'Read the analysis and give feedback that is critical, forward-looking and supportive: what works well, questions to think further about and suggestions for next steps.',
    action: 'Open the assignment',
    reason: ({ cohort }) =>
      `You are receiving this e-mail because you take part in ${cohort} and have been given a critical-friend assignment.`,
  },
  feedbackReceived: {
    subject: ({ round }) => `New feedback on your analysis in analysis round ${round}`,
    heading: 'You have received feedback',
    intro: ({ reviewerName, role, title, round }) => {
      const analysis = title ? `your analysis “${title}”` : `your analysis in analysis round ${round}`;
      return role === 'leader'
        ? `Your course leader ${reviewerName} has given feedback on ${analysis}.`
        : `Your critical friend ${reviewerName} has given feedback on ${analysis}.`;
    },
    respond: 'Read the feedback on the platform, where you can reply and mark it as helpful.',
    action: 'Read the feedback',
    reason: ({ cohort }) =>
      `You are receiving this e-mail because you have published an analysis in ${cohort}.`,
  },
  analysisPublished: {
    subject: ({ authorName, round }) => `${authorName} has published an analysis in analysis round ${round}`,
    heading: 'A new analysis to read',
    intro: ({ authorName, title, round, cohort }) =>
      title
        ? `${authorName} has published the analysis “${title}” in analysis round ${round} of ${cohort}.`
        : `${authorName} has published their analysis in analysis round ${round} of ${cohort}.`,
    excerptIntro: 'The analysis begins:',
    action: 'Read the analysis',
    reason: ({ round, cohort }) =>
      `You are receiving this e-mail because you give feedback in analysis round ${round} of ${cohort}.`,
  },
  feedbackDue: {
    subject48h: ({ round, due }) => `Reminder: give your feedback in analysis round ${round} by ${due}`,
    subjectToday: ({ round }) => `Today is the last day to give feedback in analysis round ${round}`,
    subjectOverdue: ({ round }) => `Your feedback in analysis round ${round} is overdue`,
    heading48h: 'Two days left to give feedback',
    headingToday: 'Last day to give feedback',
    headingOverdue: 'Your feedback is overdue',
    intro48h: ({ due }) => `Your feedback as a critical friend is due by ${due}.`,
    introToday: ({ due }) => `Your feedback as a critical friend is due today, by ${due}.`,
    introOverdue: ({ due }) =>
      `Your feedback was due by ${due}. Your colleagues are waiting for it – please give it as soon as you can.`,
    listIntro: (count) => (count === 1 ? 'This is the analysis:' : 'These are the analyses:'),
    reminderNumber: (n) => `This is reminder number ${n}.`,
    needMoreTime: 'Need more time? Contact your course leader.',
    actionOne: 'Give feedback',
    actionMany: 'Open the analysis round',
    reason: ({ round, cohort }) =>
      `You are receiving this e-mail because you are a critical friend in analysis round ${round} of ${cohort}.`,
  },
  leaderNotice: {
    subject: ({ reviewerName, round }) => `${reviewerName} has not given feedback in analysis round ${round}`,
    heading: 'Feedback missing despite reminders',
    intro: ({ reviewerName, round, cohort, due, reminders }) =>
      `${reviewerName} was to give feedback in analysis round ${round} of ${cohort} by ${due}. ` +
      `Despite ${reminders} reminders the feedback has not come in, and the platform sends no more reminders about it.`,
    reviewer: 'Critical friend',
    school: 'School',
    listIntro: 'The analyses waiting for feedback:',
    suggestion:
      'You can contact the participant, or move the assignment to someone else when you adjust the critical-friend allocation.',
    action: 'Open the analysis round',
    reason: ({ cohort }) => `You are receiving this e-mail because you are a course leader of ${cohort}.`,
  },
  welcome: {
    subject: ({ cohort }) => `Welcome to ${cohort}`,
    heading: ({ cohort }) => `Welcome to ${cohort}!`,
    intro: ({ cohort, starts, ends }) =>
      `${cohort} has now opened, and you are enrolled as a participant. The course runs from ${starts} to ${ends}.`,
    about:
      "In Skriva sig till lärande (STL, writing to learn) you develop your teaching together with other teachers. We meet at joint meetings mixing theory and practice. Between the meetings you document and analyse your own teaching in an analysis template and publish the analysis to the group. Then you act as a critical friend: you read others' analyses and give feedback that is critical, forward-looking and supportive – and you get feedback yourself from both course leaders and participants.",
    leaders: (names) =>
      names.length === 0
        ? ''
        : names.length === 1
          ? `Your course leader is ${names[0]}.`
          : `Your course leaders are ${list(names)}.`,
    meetingsHeading: 'Meetings',
    meetingsCaption: ({ cohort }) => `The meetings of ${cohort}`,
    meetingColumn: 'Meeting',
    timeColumn: 'Time',
    placeColumn: 'Place',
    digital: "Online (the link is on the meeting's page)",
    noMeetings: 'The meetings are not scheduled yet; you will get a reminder the day before each one.',
    timeZone: 'All times are Swedish time.',
    calendarAttached:
      'A calendar file (.ics) with every meeting is attached, so you can add them all to your calendar at once.',
    firstRoundHeading: 'The first analysis round',
    firstRound: ({ round, title, due }) =>
      `Analysis round ${round} (${title}): publish your analysis by ${due}.`,
    signInHeading: 'Signing in',
    signIn: 'You sign in to the platform with your e-mail address at this address:',
    signInAddress: 'Address',
    action: 'Open the cohort',
    reason: ({ cohort }) => `You are receiving this e-mail because you take part in ${cohort}.`,
    icsCalendarName: ({ cohort }) => `Meetings – ${cohort}`,
  },
  nudge: {
    subject: ({ leaderName, cohort }) => `${leaderName} reminds you about ${cohort}`,
    heading: 'A reminder from your course leader',
    intro: ({ leaderName, cohort }) =>
      `${leaderName}, course leader of ${cohort}, would like to remind you of what is left in the course.`,
    messageFrom: ({ leaderName }) => `${leaderName} writes:`,
    missingIntro: 'This is what is left for you:',
    nothingMissing: 'You have done everything the course has asked so far.',
    action: 'See what to do',
    reason: ({ cohort }) => `You are receiving this e-mail because you take part in ${cohort}.`,
  },
  submission: {
    subject48h: ({ round, due }) => `Reminder: publish your analysis for analysis round ${round} by ${due}`,
    subjectOverdue: ({ round }) => `Your analysis for analysis round ${round} is overdue`,
    heading48h: 'Two days left to publish your analysis',
    headingOverdue: 'Your analysis is overdue',
    intro48h: ({ round, cohort, due }) =>
      `Your analysis for analysis round ${round} of ${cohort} is to be published by ${due}.`,
    introOverdue: ({ round, cohort, due }) =>
      `Your analysis for analysis round ${round} of ${cohort} was to be published by ${due}. Please publish it as soon as you can – your critical friends are waiting to read it.`,
    hasDraft:
      'You have a draft that is not published yet. Publish it when you are done, so your critical friends can read it.',
    noDraft:
      'You have not started an analysis in this round yet. Fill in the analysis template and publish it.',
    needMoreTime: 'Need more time? Contact your course leader.',
    action: 'Open the analysis round',
    reason: ({ cohort }) => `You are receiving this e-mail because you take part in ${cohort}.`,
  },
  meeting: {
    subject: ({ number, title }) => `Tomorrow: meeting ${number} – ${title}`,
    heading: ({ number, title }) => `Meeting ${number}: ${title}`,
    intro: ({ cohort }) => `Tomorrow is the next meeting of ${cohort}.`,
    time: 'Time',
    place: 'Place',
    video: 'Video link',
    preparation: 'Preparation',
    materials: 'Material',
    questions: 'Questions for discussion',
    calendarAttached: 'A calendar file (.ics) is attached so you can add the meeting to your calendar.',
    action: 'Open the meeting',
    reason: ({ cohort }) => `You are receiving this e-mail because you take part in ${cohort}.`,
    icsSummary: ({ number, title, cohort }) => `Meeting ${number}: ${title} (${cohort})`,
    icsMeetingPage: 'Meeting page',
  },
  calendarFeed: {
    calendarName: 'STL – meetings and deadlines',
    submissionSummary: ({ title, cohort }) => `Due: publish ${title} (${cohort})`,
    feedbackSummary: ({ title, cohort }) => `Due: feedback on ${title} (${cohort})`,
    submissionDescription: 'Your analysis is due to be published now.',
    feedbackDescription: "Critical friends' and course leaders' feedback is due now.",
    cohortPage: "The cohort's page",
  },
  weeklySummary: {
    subject: ({ week }) => `Weekly summary, week ${week}: what is missing in your cohorts`,
    heading: ({ week }) => `What is missing, week ${week}`,
    intro: 'Here is what is missing in your cohorts, person by person.',
    nothingMissing: 'Nothing is missing right now – everyone is on track.',
    cohortNothingMissing: 'Nothing is missing in this cohort.',
    person: ({ name, school }) => `${name}, ${school}`,
    missingAnalysis: ({ round, due }) =>
      `The analysis for analysis round ${round} is not published (due ${due}).`,
    missingPeerFeedback: ({ round, authorName, due }) =>
      `Feedback to ${authorName} in analysis round ${round} is missing (due ${due}).`,
    missingLeaderFeedback: ({ round }) =>
      `The analysis in analysis round ${round} is waiting for course leader feedback.`,
    absence: ({ number, date }) => `Absent from meeting ${number} (${date}).`,
    cohortAction: ({ cohort }) => `See the full progress of ${cohort}`,
    action: 'Open your cohorts',
    reason: 'You receive this e-mail once a week because you are a course leader.',
  },
  schoolSummary: {
    subject: ({ school }) => `Progress report for ${school}: your teachers in the STL course`,
    heading: ({ school }) => `How the teachers at ${school} are doing`,
    intro: ({ from, to }) =>
      `Here is the progress of the teachers from your school in the STL course, ${from} – ${to}. The report shows how far they have come, not what they wrote in their analyses.`,
    supportHeading: 'Needs support',
    supportIntro:
      "These teachers may need closer feedback or structured collaboration with colleagues at their own school. Only what is in the teacher's own hands counts, by your organisation's limits – the same judgement as on the My school page:",
    noneNeedSupport: 'None of the teachers seems to need extra support right now.',
    signals: {
      analysesBehind: 'is behind with the analyses',
      feedbackOverdue: 'has overdue critical-friend feedback',
      lowAttendance: 'has low attendance at the meetings',
    },
    legacyLine: ({ name, signals }) => `${name} ${list(signals)}.`,
    reasonText: (r) => {
      const round = r.roundNumbers.join(', ');
      const days = r.days ?? 0;
      if (r.code === 'ATTENDANCE_BEHIND') return `missed ${r.missed ?? 0} of ${r.held ?? 0} meetings held`;
      const what = r.code === 'ANALYSIS_OVERDUE' ? 'analysis' : 'critical-friend feedback';
      return `round ${round}: ${what} ${days === 1 ? '1 day' : `${days} days`} late`;
    },
    supportLine: ({ name, reasons }) => (reasons.length ? `${name}: ${reasons.join('; ')}.` : `${name}.`),
    levels: { ON_TRACK: 'On track', BEHIND: 'Behind', NEEDS_SUPPORT: 'Needs support' },
    completed: 'Completed',
    caption: ({ cohort }) => `Progress in ${cohort}`,
    columns: [
      'Teacher',
      'Published analyses',
      'Critical-friend feedback',
      'Attendance of meetings held',
      'Status',
    ],
    outOf: ({ done, total }) => `${done} of ${total}`,
    action: 'See the full progress of the school',
    reason: ({ school }) =>
      `You are receiving this e-mail because you are the school leader of ${school}, which has teachers in the STL course.`,
  },
  account: {
    validUntil: 'The link works until',
    singleUse: 'The link works once. Do not forward this e-mail: anyone with the link can use it.',
    notYou: 'If you did not ask for this, you can ignore this e-mail; nothing changes.',
    invitation: {
      subject: ({ organisation }) => `You are invited to the STL platform of ${organisation}`,
      heading: 'Welcome to the STL platform',
      intro: ({ inviter, organisation }) =>
        inviter
          ? `${inviter} has invited you to the STL platform of ${organisation}, where the course in collegial learning takes place. Choose a password to get in.`
          : `You have been invited to the STL platform of ${organisation}, where the course in collegial learning takes place. Choose a password to get in.`,
      action: 'Accept the invitation',
      reason: ({ organisation }) =>
        `You are receiving this e-mail because an administrator at ${organisation} added you to the STL platform.`,
    },
    passwordReset: {
      subject: 'Set a new password for the STL platform',
      heading: 'Set a new password',
      intro: 'Someone, hopefully you, asked to set a new password for your account on the STL platform.',
      action: 'Set a new password',
      reason: 'You are receiving this e-mail because a new password was asked for with your e-mail address.',
    },
    signInLink: {
      subject: 'Your sign-in link for the STL platform',
      heading: 'Sign in with a link',
      intro: 'Someone, hopefully you, asked for a link to sign in to the STL platform without a password.',
      action: 'Sign in',
      reason: 'You are receiving this e-mail because a sign-in link was asked for with your e-mail address.',
    },
  },
  digest: {
    subject: ({ count, date }) => `Your summary from the STL platform, ${date}: ${en.common.items(count)}`,
    heading: ({ date }) => `Your summary, ${date}`,
    intro: 'You chose to get one summary a day instead of single e-mails. Here is what happened:',
    reason: 'You are receiving this e-mail because you chose a daily summary in your e-mail settings.',
  },
};
