import type { MailDictionary } from './dictionary';

const list = (items: string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;

export const sv: MailDictionary = {
  common: {
    brand: 'STL-plattformen',
    greeting: (name) => `Hej ${name}!`,
    signOff: 'Vänliga hälsningar\nSTL-plattformen',
    actionFallback: 'Fungerar inte knappen? Öppna den här adressen i webbläsaren:',
    unsubscribe: (kindName) => `Stäng av mejl om ${kindName}`,
    unsubscribeHint: 'Ingen inloggning behövs.',
    settings: 'Välj vilka mejl du vill få',
    cohort: 'Utbildningsomgång',
    round: 'Analysomgång',
    analysis: 'Analys',
    author: 'Skriven av',
    feedbackDue: 'Återkoppling senast',
    submissionDue: 'Publicera senast',
    items: (count) => (count === 1 ? '1 sak' : `${count} saker`),
    reviewTask: ({ authorName, title }) => (title ? `${authorName}: ”${title}”` : authorName),
  },
  accessibilityReport: {
    subject: ({ organisation }) => `Tillgänglighetsproblem rapporterat på STL-plattformen (${organisation})`,
    heading: 'Någon har rapporterat ett tillgänglighetsproblem',
    intro: ({ organisation }) =>
      `En användare har rapporterat brister i tillgängligheten på STL-plattformen för ${organisation} via tillgänglighetsredogörelsen. Enligt lagen om tillgänglighet till digital offentlig service ska rapporten tas om hand och besvaras.`,
    descriptionHeading: 'Det här skriver användaren:',
    reportedAt: 'Rapporterat',
    where: 'Var',
    reporter: 'Namn',
    anonymous: 'inget namn angivet',
    email: 'E-post',
    noEmail: 'ingen adress angiven',
    signedIn: 'Inloggad',
    yes: 'ja',
    no: 'nej',
    replyHint: 'Svara på det här mejlet för att nå personen som rapporterade.',
    noReplyHint: 'Personen lämnade ingen e-postadress och kan inte få svar direkt.',
    action: 'Läs tillgänglighetsredogörelsen',
    reason: ({ organisation }) =>
      `Du får det här mejlet eftersom du tar emot rapporter om tillgänglighet för ${organisation}. Det går inte att stänga av.`,
  },
  kindNames: {
    REVIEW_ASSIGNED: 'nya uppdrag som kritisk vän',
    FEEDBACK_RECEIVED: 'ny återkoppling på dina analyser',
    ANALYSIS_PUBLISHED: 'nya analyser i omgångar där du ger återkoppling',
    FEEDBACK_DUE_48H: 'återkoppling som ska vara klar inom två dagar',
    FEEDBACK_DUE_TODAY: 'återkoppling som ska vara klar i dag',
    FEEDBACK_OVERDUE: 'försenad återkoppling',
    FEEDBACK_OVERDUE_LEADER_NOTICE: 'deltagare som inte har gett återkoppling trots påminnelser',
    SUBMISSION_DUE_48H: 'analyser som ska publiceras inom två dagar',
    SUBMISSION_OVERDUE: 'försenade analyser',
    MEETING_TOMORROW: 'påminnelser dagen före träffar',
    WEEKLY_LEADER_SUMMARY: 'veckosammanfattningen för kursledare',
    SCHOOL_LEADER_SUMMARY: 'lägesrapporten för rektorer',
    DIGEST: 'den dagliga sammanfattningen',
    NUDGE: 'påminnelser från kursledaren',
    INVITATION: 'inbjudningar till plattformen',
    PASSWORD_RESET: 'länkar för att återställa lösenordet',
    SIGN_IN_LINK: 'inloggningslänkar',
    COHORT_WELCOME: 'välkomstmejl när en utbildningsomgång startar',
    ACCESSIBILITY_REPORT: 'rapporter om tillgänglighetsproblem',
  },
  reviewAssigned: {
    subject: ({ authorName, round }) => `Du är kritisk vän till ${authorName} i analysomgång ${round}`,
    heading: 'Du har fått ett nytt uppdrag som kritisk vän',
    intro: ({ authorName, round, cohort }) =>
      `${authorName} har publicerat sin analys i analysomgång ${round} av ${cohort}, och du är en av de kritiska vänner som ger återkoppling på den.`,
    advice:
      'Läs analysen och ge återkoppling som är kritisk, framåtsyftande och stödjande: vad som fungerar bra, frågor att fundera vidare på och förslag på nästa steg.',
    action: 'Öppna uppdraget',
    reason: ({ cohort }) =>
      `Du får det här mejlet eftersom du är deltagare i ${cohort} och har fått ett uppdrag som kritisk vän.`,
  },
  feedbackReceived: {
    subject: ({ round }) => `Ny återkoppling på din analys i analysomgång ${round}`,
    heading: 'Du har fått återkoppling',
    intro: ({ reviewerName, role, title, round }) => {
      const analysis = title ? `din analys ”${title}”` : `din analys i analysomgång ${round}`;
      return role === 'leader'
        ? `Kursledaren ${reviewerName} har gett återkoppling på ${analysis}.`
        : `Din kritiska vän ${reviewerName} har gett återkoppling på ${analysis}.`;
    },
    respond: 'Läs återkopplingen på plattformen. Där kan du svara och markera den som hjälpsam.',
    action: 'Läs återkopplingen',
    reason: ({ cohort }) => `Du får det här mejlet eftersom du har publicerat en analys i ${cohort}.`,
  },
  analysisPublished: {
    subject: ({ authorName, round }) => `${authorName} har publicerat en analys i analysomgång ${round}`,
    heading: 'En ny analys att läsa',
    intro: ({ authorName, title, round, cohort }) =>
      title
        ? `${authorName} har publicerat analysen ”${title}” i analysomgång ${round} av ${cohort}.`
        : `${authorName} har publicerat sin analys i analysomgång ${round} av ${cohort}.`,
    excerptIntro: 'Så börjar analysen:',
    action: 'Läs analysen',
    reason: ({ round, cohort }) =>
      `Du får det här mejlet eftersom du ger återkoppling i analysomgång ${round} av ${cohort}.`,
  },
  feedbackDue: {
    subject48h: ({ round, due }) => `Påminnelse: ge din återkoppling i analysomgång ${round} senast ${due}`,
    subjectToday: ({ round }) => `I dag är sista dagen att ge återkoppling i analysomgång ${round}`,
    subjectOverdue: ({ round }) => `Din återkoppling i analysomgång ${round} är försenad`,
    heading48h: 'Två dagar kvar att ge återkoppling',
    headingToday: 'Sista dagen att ge återkoppling',
    headingOverdue: 'Din återkoppling är försenad',
    intro48h: ({ due }) => `Din återkoppling som kritisk vän ska vara klar senast ${due}.`,
    introToday: ({ due }) => `Din återkoppling som kritisk vän ska vara klar i dag, senast ${due}.`,
    introOverdue: ({ due }) =>
      `Din återkoppling skulle ha varit klar senast ${due}. Dina kollegor väntar på den – ge den så snart du kan.`,
    listIntro: (count) => (count === 1 ? 'Det gäller den här analysen:' : 'Det gäller de här analyserna:'),
    reminderNumber: (n) => `Det här är påminnelse nummer ${n}.`,
    needMoreTime: 'Behöver du mer tid? Hör av dig till din kursledare.',
    actionOne: 'Ge återkoppling',
    actionMany: 'Öppna analysomgången',
    reason: ({ round, cohort }) =>
      `Du får det här mejlet eftersom du är kritisk vän i analysomgång ${round} av ${cohort}.`,
  },
  leaderNotice: {
    subject: ({ reviewerName, round }) =>
      `${reviewerName} har inte gett återkoppling i analysomgång ${round}`,
    heading: 'Återkoppling saknas trots påminnelser',
    intro: ({ reviewerName, round, cohort, due, reminders }) =>
      `${reviewerName} skulle ha gett återkoppling i analysomgång ${round} av ${cohort} senast ${due}. ` +
      `Trots ${reminders} påminnelser har återkopplingen inte kommit in, och plattformen skickar inga fler påminnelser om den.`,
    reviewer: 'Kritisk vän',
    school: 'Skola',
    listIntro: 'Analyserna som väntar på återkoppling:',
    suggestion:
      'Du kan kontakta deltagaren eller flytta uppdraget till någon annan när du justerar fördelningen av kritiska vänner.',
    action: 'Öppna analysomgången',
    reason: ({ cohort }) => `Du får det här mejlet eftersom du är kursledare för ${cohort}.`,
  },
  welcome: {
    subject: ({ cohort }) => `Välkommen till ${cohort}`,
    heading: ({ cohort }) => `Välkommen till ${cohort}!`,
    intro: ({ cohort, starts, ends }) =>
      `Nu har ${cohort} öppnat, och du är anmäld som deltagare. Utbildningen pågår från ${starts} till ${ends}.`,
    about:
      'I Skriva sig till lärande (STL) utvecklar du din undervisning tillsammans med andra lärare. Vi ses på gemensamma träffar med teori och praktik. Mellan träffarna dokumenterar och analyserar du din egen undervisning i en analysmall och publicerar analysen för gruppen. Sedan är du kritisk vän: du läser andras analyser och ger återkoppling som är kritisk, framåtsyftande och stödjande – och du får själv återkoppling från både kursledare och deltagare.',
    leaders: (names) =>
      names.length === 0
        ? ''
        : names.length === 1
          ? `Din kursledare är ${names[0]}.`
          : `Dina kursledare är ${list(names)}.`,
    meetingsHeading: 'Träffar',
    meetingsCaption: ({ cohort }) => `Träffarna i ${cohort}`,
    meetingColumn: 'Träff',
    timeColumn: 'Tid',
    placeColumn: 'Plats',
    digital: 'Digitalt (länken finns på träffens sida)',
    noMeetings: 'Träffarna är inte inlagda än; du får en påminnelse dagen före varje träff.',
    timeZone: 'Alla tider är svensk tid.',
    calendarAttached:
      'En kalenderfil (.ics) med alla träffar är bifogad, så att du kan lägga in dem i din kalender på en gång.',
    firstRoundHeading: 'Första analysomgången',
    firstRound: ({ round, title, due }) =>
      `Analysomgång ${round} (${title}): publicera din analys senast ${due}.`,
    signInHeading: 'Logga in',
    signIn: 'Du loggar in på plattformen med din e-postadress på den här adressen:',
    signInAddress: 'Adress',
    action: 'Öppna utbildningsomgången',
    reason: ({ cohort }) => `Du får det här mejlet eftersom du är deltagare i ${cohort}.`,
    icsCalendarName: ({ cohort }) => `Träffar – ${cohort}`,
  },
  nudge: {
    subject: ({ leaderName, cohort }) => `${leaderName} påminner dig om ${cohort}`,
    heading: 'En påminnelse från din kursledare',
    intro: ({ leaderName, cohort }) =>
      `${leaderName}, kursledare i ${cohort}, vill påminna dig om det som återstår i kursen.`,
    messageFrom: ({ leaderName }) => `${leaderName} skriver:`,
    missingIntro: 'Det här återstår för dig:',
    nothingMissing: 'Du har gjort allt som hittills hör till kursen.',
    action: 'Se vad du ska göra',
    reason: ({ cohort }) => `Du får det här mejlet eftersom du är deltagare i ${cohort}.`,
  },
  submission: {
    subject48h: ({ round, due }) => `Påminnelse: publicera din analys i analysomgång ${round} senast ${due}`,
    subjectOverdue: ({ round }) => `Din analys i analysomgång ${round} är försenad`,
    heading48h: 'Två dagar kvar att publicera din analys',
    headingOverdue: 'Din analys är försenad',
    intro48h: ({ round, cohort, due }) =>
      `Din analys i analysomgång ${round} av ${cohort} ska publiceras senast ${due}.`,
    introOverdue: ({ round, cohort, due }) =>
      `Din analys i analysomgång ${round} av ${cohort} skulle ha publicerats senast ${due}. Publicera den så snart du kan – dina kritiska vänner väntar på att få läsa den.`,
    hasDraft:
      'Du har ett utkast som ännu inte är publicerat. Publicera det när du är klar, så kan dina kritiska vänner läsa det.',
    noDraft:
      'Du har inte påbörjat någon analys i den här omgången ännu. Fyll i analysmallen och publicera den.',
    needMoreTime: 'Behöver du mer tid? Hör av dig till din kursledare.',
    action: 'Öppna analysomgången',
    reason: ({ cohort }) => `Du får det här mejlet eftersom du är deltagare i ${cohort}.`,
  },
  meeting: {
    subject: ({ number, title }) => `I morgon: träff ${number} – ${title}`,
    heading: ({ number, title }) => `Träff ${number}: ${title}`,
    intro: ({ cohort }) => `I morgon är det dags för nästa träff i ${cohort}.`,
    time: 'Tid',
    place: 'Plats',
    video: 'Videolänk',
    preparation: 'Förbered dig',
    materials: 'Material',
    questions: 'Frågor att diskutera',
    calendarAttached: 'En kalenderfil (.ics) är bifogad, så att du kan lägga in träffen i din kalender.',
    action: 'Öppna träffen',
    reason: ({ cohort }) => `Du får det här mejlet eftersom du är med i ${cohort}.`,
    icsSummary: ({ number, title, cohort }) => `Träff ${number}: ${title} (${cohort})`,
    icsMeetingPage: 'Träffens sida',
  },
  calendarFeed: {
    calendarName: 'STL – träffar och deadlines',
    submissionSummary: ({ title, cohort }) => `Sista dag: publicera ${title} (${cohort})`,
    feedbackSummary: ({ title, cohort }) => `Sista dag: återkoppling på ${title} (${cohort})`,
    submissionDescription: 'Din analys ska vara publicerad nu.',
    feedbackDescription: 'Återkopplingen från kritiska vänner och kursledare ska vara given nu.',
    cohortPage: 'Utbildningsomgångens sida',
  },
  weeklySummary: {
    subject: ({ week }) => `Veckosammanfattning vecka ${week}: det här saknas i dina utbildningsomgångar`,
    heading: ({ week }) => `Det här saknas, vecka ${week}`,
    intro: 'Här är det som saknas i dina utbildningsomgångar, person för person.',
    nothingMissing: 'Inget saknas just nu – alla ligger i fas.',
    cohortNothingMissing: 'Inget saknas i den här utbildningsomgången.',
    person: ({ name, school }) => `${name}, ${school}`,
    missingAnalysis: ({ round, due }) =>
      `Analysen i analysomgång ${round} är inte publicerad (skulle vara klar ${due}).`,
    missingPeerFeedback: ({ round, authorName, due }) =>
      `Återkoppling till ${authorName} i analysomgång ${round} saknas (skulle vara klar ${due}).`,
    missingLeaderFeedback: ({ round }) =>
      `Analysen i analysomgång ${round} väntar på kursledarens återkoppling.`,
    absence: ({ number, date }) => `Frånvarande från träff ${number} (${date}).`,
    cohortAction: ({ cohort }) => `Se hela läget i ${cohort}`,
    action: 'Öppna dina utbildningsomgångar',
    reason: 'Du får det här mejlet en gång i veckan eftersom du är kursledare.',
  },
  schoolSummary: {
    subject: ({ school }) => `Lägesrapport för ${school}: lärarnas arbete i STL-utbildningen`,
    heading: ({ school }) => `Så går det för lärarna på ${school}`,
    intro: ({ from, to }) =>
      `Här är läget för lärarna från din skola i STL-utbildningen, ${from} – ${to}. Rapporten visar hur långt de har kommit, inte vad de har skrivit i sina analyser.`,
    supportHeading: 'Behöver stöd',
    supportIntro:
      'De här lärarna kan behöva tätare återkoppling eller strukturerat samarbete med kollegor på den egna skolan. Bara det som ligger i lärarens egna händer räknas, efter huvudmannens gränser – samma bedömning som på sidan Min skola:',
    noneNeedSupport: 'Ingen av lärarna ser ut att behöva extra stöd just nu.',
    signals: {
      analysesBehind: 'ligger efter med analyserna',
      feedbackOverdue: 'har försenad återkoppling som kritisk vän',
      lowAttendance: 'har låg närvaro på träffarna',
    },
    legacyLine: ({ name, signals }) => `${name} ${list(signals)}.`,
    reasonText: (r) => {
      const round = r.roundNumbers.join(', ');
      const days = r.days ?? 0;
      if (r.code === 'ATTENDANCE_BEHIND') return `missat ${r.missed ?? 0} av ${r.held ?? 0} hållna träffar`;
      const what = r.code === 'ANALYSIS_OVERDUE' ? 'analysen' : 'kritisk vän-återkopplingen';
      return `omgång ${round}: ${what} ${days === 1 ? '1 dag' : `${days} dagar`} sen`;
    },
    supportLine: ({ name, reasons }) => (reasons.length ? `${name}: ${reasons.join('; ')}.` : `${name}.`),
    levels: { ON_TRACK: 'I fas', BEHIND: 'Efter', NEEDS_SUPPORT: 'Behöver stöd' },
    completed: 'Klar',
    caption: ({ cohort }) => `Framsteg i ${cohort}`,
    columns: [
      'Lärare',
      'Publicerade analyser',
      'Återkoppling som kritisk vän',
      'Närvaro på hållna träffar',
      'Läge',
    ],
    outOf: ({ done, total }) => `${done} av ${total}`,
    action: 'Se hela läget för skolan',
    reason: ({ school }) =>
      `Du får det här mejlet eftersom du är rektor för ${school} och har lärare i STL-utbildningen.`,
  },
  account: {
    validUntil: 'Länken fungerar till',
    singleUse: 'Länken fungerar en gång. Skicka inte vidare mejlet: den som har länken kan använda den.',
    notYou: 'Om det inte var du som bad om det här kan du bortse från mejlet; inget ändras.',
    invitation: {
      subject: ({ organisation }) => `Du är inbjuden till STL-plattformen i ${organisation}`,
      heading: 'Välkommen till STL-plattformen',
      intro: ({ inviter, organisation }) =>
        inviter
          ? `${inviter} har bjudit in dig till STL-plattformen i ${organisation}, där kursen i kollegialt lärande genomförs. Välj ett lösenord för att komma in.`
          : `Du har bjudits in till STL-plattformen i ${organisation}, där kursen i kollegialt lärande genomförs. Välj ett lösenord för att komma in.`,
      action: 'Tacka ja till inbjudan',
      reason: ({ organisation }) =>
        `Du får det här mejlet eftersom en administratör i ${organisation} har lagt till dig på STL-plattformen.`,
    },
    passwordReset: {
      subject: 'Välj ett nytt lösenord till STL-plattformen',
      heading: 'Välj ett nytt lösenord',
      intro:
        'Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord till ditt konto på STL-plattformen.',
      action: 'Välj nytt lösenord',
      reason: 'Du får det här mejlet eftersom någon bad om ett nytt lösenord med din e-postadress.',
    },
    signInLink: {
      subject: 'Din inloggningslänk till STL-plattformen',
      heading: 'Logga in med en länk',
      intro:
        'Någon, förhoppningsvis du, har bett om en länk för att logga in på STL-plattformen utan lösenord.',
      action: 'Logga in',
      reason: 'Du får det här mejlet eftersom någon bad om en inloggningslänk med din e-postadress.',
    },
  },
  digest: {
    subject: ({ count, date }) =>
      `Din sammanfattning från STL-plattformen ${date}: ${sv.common.items(count)}`,
    heading: ({ date }) => `Din sammanfattning, ${date}`,
    intro: 'Du har valt att få en sammanfattning om dagen i stället för enskilda mejl. Det här har hänt:',
    reason: 'Du får det här mejlet eftersom du har valt en daglig sammanfattning i dina mejlinställningar.',
  },
};
