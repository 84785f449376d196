"""Demo insatser of Samordningsförbundet Sundsvall: the grant decisions of § 161–167 and the
follow-up meetings of seed 003 (public records; people's names invented)."""

from __future__ import annotations

IAF = "Individ och arbetsmarknadsförvaltningen, Sundsvalls kommun"

HALFTEN = "halften_avtal_rest_redovisning"

VILLKOR_161 = (
    "under förutsättning att förbundet får bidrag från huvudmännen för 2023 enligt förslaget "
    "som nu ligger"
)

INSATSER = [
    {
        "namn": "SIP-samordnare Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Sundsvalls kommun",
        "utforare": IAF,
        "malgrupp": "",
        "beskrivning": (
            "Denna ansökan avser en finansiering av en SIP-samordnare på Arbetsmarknadstorget "
            "från Individ och arbetsmarknadsförvaltning, Sundsvalls kommun under 2022 och 2023. "
            "Ansökan avser finansiering av personalkostnader, lokalkostnad samt data/IT för en "
            "SIP-samordnare."
        ),
        "start": "2022-01-01",
        "slut": "2023-12-31",
        "beslut": [
            {
                "paragraf": 161,
                "att_index": 0,
                "ar": 2022,
                "belopp": 645000,
                "villkor": VILLKOR_161,
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
            {
                "paragraf": 161,
                "att_index": 0,
                "ar": 2023,
                "belopp": 660000,
                "villkor": VILLKOR_161,
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
        ],
    },
    {
        "namn": "Arbetsterapeut Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Sundsvalls kommun",
        "utforare": IAF,
        "malgrupp": "",
        "beskrivning": (
            "Denna ansökan avser en finansiering av en arbetsterapeutjänst från Individ och "
            "arbetsmarknadsförvaltning, Sundsvalls kommun under 2022. Ansökan avser finansiering "
            "av personalkostnader, lokalkostnad samt data/IT för en arbetsterapeutjänst."
        ),
        "start": "2022-01-01",
        "slut": "2022-12-31",
        "beslut": [
            {
                "paragraf": 162,
                "att_index": 0,
                "ar": 2022,
                "belopp": 610000,
                "villkor": "",
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
        ],
    },
    {
        "namn": "Försäkringsutredare Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Försäkringskassan",
        "utforare": "Försäkringskassan",
        "malgrupp": "",
        "beskrivning": (
            "Denna ansökan avser en finansiering av en Försäkringsutredare från Försäkringskassan "
            "på Arbetsmarknadstorget. Ansökan avser finansiering av personalkostnader för en "
            "Försäkringsutredare samt verksamhetskostnader."
        ),
        "start": "2022-01-01",
        "slut": "2022-12-31",
        "beslut": [
            {
                "paragraf": 163,
                "att_index": 0,
                "ar": 2022,
                "belopp": 162661,
                "villkor": "",
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
            {
                # Set aside, not granted to the applicant: goes to the host of the premises.
                "paragraf": 163,
                "att_index": 2,
                "ar": 2022,
                "belopp": 30000,
                "villkor": "",
                "betalning": "",
                "utfall": "avsatt",
                "avser": (
                    "lokalkostnader till Individ och arbetsmarknadsförvaltning, Sundsvalls kommun "
                    "som är lokalhållare för arbetsmarknadstorget"
                ),
            },
        ],
    },
    {
        "namn": "Arbetskonsulent förrehabiliterande insatser Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Sundsvalls kommun",
        "utforare": IAF,
        "malgrupp": "Personer som har behov av förrehabiliterande insatser",
        "beskrivning": (
            "Denna ansökan avser en finansiering av en arbetskonsulent för personer som har "
            "behov av förrehabiliterande insatser från Individ och arbetsmarknadsförvaltning, "
            "Sundsvalls kommun under 2022 Ansökan avser finansiering av personalkostnader, "
            "lokalkostnad samt data/IT för en arbetskonsulent för personer som har behov av "
            "förrehabiliterande insatser."
        ),
        "start": "2022-01-01",
        "slut": "2022-12-31",
        "beslut": [
            {
                "paragraf": 164,
                "att_index": 0,
                "ar": 2022,
                "belopp": 618000,
                "villkor": "",
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
        ],
    },
    {
        "namn": "Arbetskonsulent aktivitetsersättning Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Sundsvalls kommun",
        "utforare": IAF,
        "malgrupp": "Personer med aktivitetsersättning",
        "beskrivning": (
            "Denna ansökan avser en finansiering av en arbetskonsulent för personer med "
            "aktivitetsersättning från Individ och arbetsmarknadsförvaltning, Sundsvalls kommun "
            "under 2022 Ansökan avser finansiering av personalkostnader, lokalkostnad samt "
            "data/IT för en arbetskonsulent för personer med aktivitetsersättning."
        ),
        "start": "2022-01-01",
        "slut": "2022-12-31",
        "beslut": [
            {
                "paragraf": 165,
                "att_index": 0,
                "ar": 2022,
                "belopp": 683000,
                "villkor": "",
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
        ],
    },
    {
        "namn": "Arbetsförmedlare Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Arbetsförmedlingen",
        "utforare": "Arbetsförmedlingen",
        "malgrupp": "",
        "beskrivning": (
            "Denna ansökan avser en finansiering av två arbetsförmedlare (vuxen) till "
            "Arbetsmarknadstorget under 2022 från Arbetsförmedlingen. Ansökan avser finansiering "
            "av personalkostnader för två arbetsförmedlare (vuxen)."
        ),
        "start": "2022-01-01",
        "slut": "2022-12-31",
        "beslut": [
            {
                "paragraf": 166,
                "att_index": 0,
                "ar": 2022,
                "belopp": 1100000,
                "villkor": "",
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
            {
                # Set aside, not granted to the applicant: goes to the host of the premises.
                "paragraf": 166,
                "att_index": 2,
                "ar": 2022,
                "belopp": 60000,
                "villkor": "",
                "betalning": "",
                "utfall": "avsatt",
                "avser": (
                    "lokalkostnader till Individ och arbetsmarknadsförvaltning, Sundsvalls kommun "
                    "som är lokalhållare för arbetsmarknadstorget"
                ),
            },
        ],
    },
    {
        "namn": "Psykolog Arbetsmarknadstorget",
        "typ": "individinriktad",
        "huvudman": "Sundsvalls kommun",
        "utforare": IAF,
        "malgrupp": "",
        "beskrivning": (
            "Denna ansökan avser en finansiering av en psykologtjänst från Individ och "
            "arbetsmarknadsförvaltning, Sundsvalls kommun under 2022. Ansökan avser finansiering "
            "av personalkostnader, lokalkostnad samt data/IT för en psykologtjänst."
        ),
        "start": "2022-01-01",
        "slut": "2022-12-31",
        "beslut": [
            {
                "paragraf": 167,
                "att_index": 0,
                "ar": 2022,
                "belopp": 895000,
                "villkor": "",
                "betalning": HALFTEN,
                "utfall": "beviljad",
            },
        ],
    },
    {
        # Not decided in § 161–167; known from its follow-up notes and the information in § 154.
        "namn": "Rehabvägledare",
        "typ": "individinriktad",
        "huvudman": "Sundsvalls kommun",
        "utforare": IAF,
        "malgrupp": "Personer med psykisk ohälsa i åldern 18-65 år",
        "beskrivning": (
            "Till Rehabvägledare krävs inget biståndsbeslut för att delta, och syftar till att "
            "ge möjlighet för människor att i sin egen takt utforska sig själva, sin potential "
            "och öka sin delaktighet i samhället. Verksamhetens mål är att frigöra och utveckla "
            "enskildas och grupperes resurser."
        ),
        "start": "",
        "slut": "",
        "beslut": [],
    },
]

# "fler_insatser": the other insatser a joint follow-up meeting covered (the meeting is filed
# under "insats", the first one named in its title).
UPPFOLJNINGAR = [
    {
        "insats": "Arbetsförmedlare Arbetsmarknadstorget",
        "fler_insatser": [],
        "datum": "2021-11-29",
        "deltagare": [
            "Petter Skönvik, Arbetsförmedlingen",
            "Stefan, arbetsförmedlare, Arbetsförmedlingen",
            "Annika, arbetsförmedlare, Arbetsförmedlingen",
            "Eva Sidsjö, verkställande tjänsteman, Samordningsförbundet Sundsvall",
            "Oskar Granlo, utvecklingsledare, Samordningsförbundet Sundsvall",
        ],
        "avsnitt": [
            {
                "rubrik": "Mål",
                "text": (
                    "Vi stämmer av läget mot de uppsatta målen i insatsen. Prognos för helåret "
                    "är att det kanske blir svårt att nå målet om 60 anställningar. Dock finns "
                    "logiska förklaringar bakom, såsom vissa oklarheter kring IAF's ekonomi för "
                    "åtgärdsanställningar, svårigheten med arbetsplatser ffa inom kommunen. En "
                    "annan tydlig utmaning är att få fatt i underlag från vården som ligger till "
                    "grund för beslut vilket försenar processen mot anställning en hel del."
                ),
            },
            {
                "rubrik": "SUS",
                "text": (
                    "Påminner om vikten att få till så korrekta siffror som möjligt i SUS så att "
                    "vi på helåret får bra siffror att kunna jämföra med åren framöver. Gällande "
                    "volyminsatsen i SUS enas vi om att Oskar i slutet av varje månad skickar ut "
                    "ett påminnelsemail till alla insatser som registrerar på volym. Enas också "
                    "om att AF handläggarna har sina ärenden aktiva i SUS så länge de arbetar med "
                    'dem, oavsett om övriga parter på AMT "avslutat" ärendet.'
                ),
            },
            {
                "rubrik": "Delaktighet AMT",
                "text": (
                    'Under tid finns känslan av att vara "utanför" på AMT och att det tidigare '
                    "funnits en större känsla av VI. Ex som ges är ex inbjudan till "
                    "informationer, studiebesök på arbetsplatser o liknande. Petter kommer att "
                    "lyfta detta vidare med chefer inom IAF först och främst, så får vi följa "
                    'detta vidare. Eftersom ingen uttalat "äger" AMT längre utan det är alla som '
                    '"äger" AMT så kanske det kan vara en delförklaring till varför denna '
                    "upplevelse finns just nu."
                ),
            },
        ],
        "nasta": "",
    },
    {
        "insats": "SIP-samordnare Arbetsmarknadstorget",
        "fler_insatser": [],
        "datum": "2021-11-30",
        "deltagare": [
            "Moa Lindgren, Individ och arbetsmarknadsförvaltningen, Sundsvalls kommun",
            "Sanna, SIP-samordnare, Arbetsmarknadstorget",
            "Eva Sidsjö, verkställande tjänsteman, Samordningsförbundet Sundsvall",
            "Oskar Granlo, utvecklingsledare, Samordningsförbundet Sundsvall",
        ],
        "avsnitt": [
            {
                "rubrik": "",
                "text": (
                    "Styrelsen för Samordningsförbundet godkände i fredags ansökan för SIP "
                    "samordnare på AMT på två år 😊"
                ),
            },
            {
                "rubrik": "Mål",
                "text": (
                    "Fullt tryck med bokningar av SIP både på detta år och redan bokad en del för "
                    "2022. Trots pandemin så kommer målet om antal SIP i år att nås. Bevakar och "
                    "stöttar även socialsekreterare där deras deltagare söker om sjukersättning "
                    "& aktivitetsersättning där en del fått igenom sitt beslut. En process som "
                    "ofta tar lång tid, ffa när det behövs olika vårdinsatser. Bättre fördelning "
                    "mellan socialsekreterare och Sanna vid SIP möten, där de på ett bättre sätt "
                    "nu hjälps åt med att vara mötesledare/dokumentera."
                ),
            },
            {
                "rubrik": "Nya uppdraget",
                "text": (
                    "Har plan om att besöka, bli ännu mera delaktiga i grupperna på syd- & "
                    "generalistgruppen. För att de ska bli lika aktiva i att ta hjälp av Sanna "
                    "som den arbetsgrupp som hon tillhör, nord.\n\n"
                    "Sanna har en plan för hur hon ska stötta övriga på AMT för inhämtning av "
                    "underlag, ex mot anställningsstöd eller plan mot annan ersättning. Följs upp "
                    "hur starten varit i början på 2022."
                ),
            },
        ],
        "nasta": "2022-02-15",
    },
    {
        "insats": "Arbetskonsulent förrehabiliterande insatser Arbetsmarknadstorget",
        "fler_insatser": [
            "Arbetskonsulent aktivitetsersättning Arbetsmarknadstorget",
            "Försäkringsutredare Arbetsmarknadstorget",
        ],
        "datum": "2021-12-01",
        "deltagare": [
            "Moa Lindgren, Individ och arbetsmarknadsförvaltningen, Sundsvalls kommun",
            "Lisa Kvarnström, Försäkringskassan",
            "Olle, Arbetsmarknadstorget",
            "Hanna, arbetskonsulent, Arbetsmarknadstorget",
            "Carina, Arbetsmarknadstorget",
            "Lena, Arbetsmarknadstorget",
            "Eva Sidsjö, verkställande tjänsteman, Samordningsförbundet Sundsvall",
            "Oskar Granlo, utvecklingsledare, Samordningsförbundet Sundsvall",
        ],
        "avsnitt": [
            {
                "rubrik": "Carina/Lena",
                "text": (
                    "Gott inflöde under hösten så just nu är det bra nivå med antal deltagare. "
                    "Många avslut under 2020, så med detta som bakgrund kommer det inte att ske "
                    "lika många avslut under 2021, processen tar längre tid med många insatser "
                    "innan man når det slutgiltiga målet om ex studier/arbete. En utmaning som "
                    "lyfts är att få till samverkan med AF på ett bättre sätt i dessa ärenden, då "
                    "dessa inte ansvaras av Stefan & Annika. Beslutar att steg 1 för att påbörja "
                    "en förändring är att lyfta detta på mötet på måndag 6/12 där ansvarig chef "
                    "på AF är med."
                ),
            },
            {
                "rubrik": "SUS",
                "text": (
                    "Påminner om vikten av att se till att det är så korrekta siffror som möjligt "
                    "på helåret."
                ),
            },
            {
                "rubrik": "Olle/Hanna",
                "text": (
                    "Blivit en del av avslut under hösten mot både GK(3st), åter FK(några st) "
                    "samt mot anställning(2st). Bra kontakt och samarbete med remitterande "
                    "handläggare.\n\n"
                    "För Hanna har hösten mkt handlat om kartläggning & studiebesök, ännu ingen "
                    "som påbörjat arbetsträning. Dec är hon föräldraledig på 50% och jan/feb "
                    "100%. Planering sker med samordnare för att varje deltagare ska ha en "
                    "planering under den perioden.\n\n"
                    "I och med omorganisering på IAF kommer Helena Brandt vara ansvarig chef för "
                    "arbetskonsulenter framgent och ersätter Moa i dessa möten."
                ),
            },
        ],
        "nasta": "2022-02-18",
    },
    {
        "insats": "Arbetsterapeut Arbetsmarknadstorget",
        "fler_insatser": ["Psykolog Arbetsmarknadstorget"],
        "datum": "2021-12-03",
        "deltagare": [
            "Berit, chef, Individ och arbetsmarknadsförvaltningen, Sundsvalls kommun",
            "Klara, arbetsterapeut, Arbetsmarknadstorget",
            "Tilda, psykolog, Arbetsmarknadstorget",
            "Eva Sidsjö, verkställande tjänsteman, Samordningsförbundet Sundsvall",
            "Oskar Granlo, utvecklingsledare, Samordningsförbundet Sundsvall",
        ],
        "avsnitt": [
            {
                "rubrik": "Klara",
                "text": (
                    "Följer sin plan gällande sin insats, tror att de mål som var uppsatta kommer "
                    "att kunna mätas och uppnås. Inflödet har varit lite segt under hösten, "
                    "vilket skulle kunna bero på ngt låg belastning på arbetskonsulenterna. Kan "
                    'även finnas en "sanning" bland arbetskonsulenterna att de inte vill belasta '
                    "arbetsterapeut/psykolog pga minskning av resurser. De arbetskonsulenter som "
                    "övergått till generalister som tidigare aktualiserade i god utsträckning har "
                    "nu helt slutat skicka ärenden. Konsultationstillfällena har dock använts i "
                    "god utsträckning, med en hel del nya handläggare som tidigare inte använt "
                    "rollen så mkt. Kommer att utöka från varannan tisdag till varje tisdag f.m."
                ),
            },
            {
                "rubrik": "Tilda",
                "text": (
                    "Inflöde av nya deltagare har varit ngt segt under hösten, precis som till "
                    "arbetsterapeut. Psyk e-bas kommer sannolikt att hållas tidigt under 2022. "
                    "Utbildningar har inte kommit igång under 2021. I och med minskningen av "
                    "personal har det inneburit en hel del förändringar i arbetssätt. Känns ändå "
                    "okej och att man fortsätter att göra nytta, men på ett annat sätt. Gällande "
                    "utredningar så ges en del stöd för att hjälpa dem med egenvårdsbegäran till "
                    "regionen för att få till utredning inom ex specialistvården. En del externa "
                    "kontakter pågår med habilitering & psykiatri för att få till så bra "
                    "samarbete som möjligt."
                ),
            },
            {
                "rubrik": "SUS/årsrapport",
                "text": (
                    "Påminner om vikten av att se till att det är så korrekta siffror som möjligt "
                    "på helåret. Sista datum för registrering av 2021 är den 31/1-2022. "
                    "Årsrapporten för insatsen ska senast vara inlämnad till Eva & Oskar 31/1, ta "
                    "gärna hjälp av Oskar vid behov."
                ),
            },
            {
                "rubrik": "Övriga funderingar",
                "text": (
                    "Eva lyfter rehabvägledarnas fundering om de kan nyttja era funktioner i ett "
                    "konsultativt syfte, för vägledning i deras ärenden. Vilket både Klara & "
                    "Tilda ställer sig positiva till. Påminner även om att bjuda in ex AF, FK och "
                    "rehabvägledarna till kommande utbildningstillfällen av specialisterna.\n\n"
                    "BIP, kan era funktioner vara ett stöd för hälsofrämjande insatser för "
                    "deltagarna på AMT i kombo med alla annan planering? T & K ställer sig "
                    "positiva till fortsatt dialog om detta."
                ),
            },
            {
                "rubrik": "Uppstartsträff 2022",
                "text": (
                    "18/1 el 19/1 kommer ni bjudas in till en uppstartsträff inför 2022, agenda "
                    "för dagen kommer."
                ),
            },
        ],
        "nasta": "2022-02-18",
    },
    {
        "insats": "Rehabvägledare",
        "fler_insatser": [],
        "datum": "2021-12-03",
        "deltagare": [
            "Berit, chef, Individ och arbetsmarknadsförvaltningen, Sundsvalls kommun",
            "Daniel Norrby, Sundsvalls kommun, IAF",
            "Lovisa Vallin, rehabvägledare, Sundsvalls kommun, IAF",
            "Emma Rydén, rehabvägledare, Sundsvalls kommun, IAF",
            "Eva Sidsjö, verkställande tjänsteman, Samordningsförbundet Sundsvall",
            "Oskar Granlo, utvecklingsledare, Samordningsförbundet Sundsvall",
        ],
        "avsnitt": [
            {
                "rubrik": "Emma/Lovisa",
                "text": (
                    "Nöjda med presentationen och dialogen som var på styrelsemötet förra "
                    "veckan.\n\n"
                    "Nuläget med deltagare:\n\n"
                    "- Utmaning att dessa deltagare inte har tillgång till psykolog och "
                    "arbetsterapeut såsom det finns på AMT, Eva & Oskar tar med frågan till dessa "
                    "funktioner. Kan konsultationstillfällen med dem vara ett bra första steg? "
                    "Viktigt att fundera på behovet och inte glömma bort vilken huvudman som har "
                    "ansvaret för det, ex hälsocentral.\n"
                    "- Samarbetet med I-kraft arena har fungerat mycket väl. Blivit ett bra "
                    "mellansteg efter ex studieförberedande och bygga på dem så att de blir mera "
                    "redo för t.ex AMT eller annan insats, såsom Ålsta folkhögskola. De har även "
                    "haft möjlighet att genomföra en del studier på arenan, vilket varit mycket "
                    "bra. De deltagare som inte har tillgång till arenan pga ex ålder har "
                    "rehabvägledarna svårt att finna lämpligt alternativ till istället för "
                    "arenan, vilket ger dessa deltagare en långsammare progress mot deras mål.\n\n"
                    "Gällande ev ökning av covidrestriktioner är det deltagarens behov som ska "
                    "styra huruvida möten ska ske på distans eller på plats, på ett säkert sätt."
                ),
            },
            {
                "rubrik": "Styrning av verksamheten",
                "text": (
                    "Tydliggörs att Daniel är den som ansvarar för verksamhetens innehåll såsom "
                    "metod och resultat. Berit är den formella chefen som ansvarar för "
                    "arbetsmiljö och arbetsgivaransvar."
                ),
            },
            {
                "rubrik": "SUS/årsrapport",
                "text": (
                    "Påminner om vikten av att se till att det är så korrekta siffror som möjligt "
                    "på helåret.\n\n"
                    "Årsrapporten för insatsen ska senast vara inlämnad till Eva & Oskar 31/1, ta "
                    "gärna hjälp av Oskar vid behov."
                ),
            },
        ],
        "nasta": "2022-02-14",
    },
]
