"""The NNS questionnaires "Hur vet vi att det blir bättre?" (Indikatorer för finansiell
samordning), word for word from seed 003.

The contact box on each cover page ("För frågor och synpunkter ... kontakta:" with
name, title, phone and e-mail) is deliberately left out. Only obvious PDF-extraction
artefacts have been fixed; the source's own spelling is kept.
"""

SKALA_INSTAMMER = [
    "Inte alls",
    "Till liten del",
    "Delvis",
    "Till stor del",
    "Till mycket stor del",
    "Helt och hållet",
]
SKALA_FREKVENS = ["Aldrig", "Sällan", "Ibland", "Ofta", "För det mesta", "Alltid"]
# The participant forms print the third option as "Vill inte svara/inget svarsalternativ passar".
KON = ["Kvinna", "Man", "Vill inte svara/inget svarsalternativ passar"]

# The two participant forms both say "Enkät deltagare" on paper; the portal names them apart
# everywhere (lists, rounds, comparisons, exports).
NAMN_PAGAENDE = "Enkät deltagare – pågående"
NAMN_AVSLUT = "Enkät deltagare – avslut"

FORMULAR = [
    {
        "kod": "styrelse",
        "namn": "Enkät styrelse",
        "malgrupp": "styrelse",
        "rubrik": "Hur vet vi att det blir bättre?",
        "inledning": (
            "Samordningsförbunden vill utveckla och följa upp sin verksamhet. NNS Indikatorer för "
            "finansiell samordning är ett instrument för samordningsförbund och insatser att bedöma "
            "egen verksamhetsutveckling över tid, möjliggöra jämförelser mellan förbund, samt ge "
            "förbund och ingående parter ett stöd att förbättra samordningen av "
            "arbetslivsrehabiliterande insatser.\n\n"
            "Vi vill veta hur du upplever delar av arbetet i styrelsen i ditt samordningsförbund. "
            "Denna enkät riktar sig till styrelserna i samordningsförbunden och handlar om hur du "
            "upplever arbetssituationen i styrelsen i ditt samordningsförbund.\n\n"
            "Att svara på frågorna är helt frivilligt och du behöver inte ange någon motivering om "
            "du avstår och kan om du vill lämna in din enkät obesvarad. Returnera enkäten i det "
            "bifogade kuvertet.\n\n"
            "Resultat kommer att redovisas så att ingen enskild person kan identifieras.\n\n"
            "Tack för Din medverkan!\n\n"
            "Vi vill med enkäten få veta hur du upplever arbetet i styrelsen i ditt "
            "samordningsförbund.\n\n"
            "Kryssa i den ruta som bäst beskriver i vilken utsträckning du instämmer med varje "
            "fråga.\n\n"
            "Om du inte vet svaret på en fråga kan du hoppa över den.\n\n"
            "För att underlätta för dig att ta ställning till frågorna finns nedan definierat en "
            "del av de begrepp som nämns i enkäten.\n\n"
            "Med struktur avses en synlig uppbyggnad, exempelvis en organisationsstruktur, och "
            "strategi avser en övergripande medveten process med syfte att utveckla verksamheten på "
            "bästa sätt. Inblandande aktörer kan vara någon av parterna Arbetsförmedlingen, "
            "Försäkringskassan, kommunen, och landstinget/regionen eller arbetsgivare, föreningar, "
            "samfund med flera. Relationer betyder här kopplingar mellan personer eller befattningar."
        ),
        "fragor": [
            {
                "nummer": "1",
                "text": "Har ni strukturer för att initiera, upprätthålla och underhålla relationer mellan inblandade aktörer?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "2",
                "text": "Har ni en strategi för hur ni arbetar med uppföljning och utvärdering av de samordnade rehabiliteringsinsatserna?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "3",
                "text": "Använder ni uppföljning och utvärdering som underlag för att utveckla de samordnade rehabiliteringsinsatserna?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "4",
                "text": "Används könsuppdelad statistik i planering, beslut och prioriteringar?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "5",
                "text": "Har styrelsen integrerat jämställdhet, jämlikhet och mångfald i förbundets verksamhetsplanering?",
                "typ": "skala_instammer",
            },
        ],
    },
    {
        "kod": "chefsgrupp",
        "namn": "Enkät parternas chefsgrupp",
        "malgrupp": "chefsgrupp",
        "rubrik": "Hur vet vi att det blir bättre?",
        "inledning": (
            "Samordningsförbunden vill utveckla och följa upp sin verksamhet. NNS Indikatorer för "
            "finansiell samordning är ett instrument för samordningsförbund att bedöma egen "
            "verksamhetsutveckling över tid, möjliggöra jämförelser mellan förbund, samt ge förbund "
            "och ingående medlemmar ett stöd att förbättra samordningen av "
            "arbetslivsrehabiliterande insatser.\n\n"
            "Denna enkät riktar sig till er i parternas chefsgrupp som arbetar med att utveckla "
            "samverkan. Enkäten består av åtta frågor som handlar om hur du upplever delar av "
            "arbetssituationen i parternas chefsgrupp.\n\n"
            "Att svara på frågorna är helt frivilligt och du behöver inte ange någon motivering om "
            "du avstår och kan om du vill lämna in din enkät blank. Returnera enkäten i det "
            "bifogade kuvertet.\n\n"
            "Resultat kommer att redovisas så att ingen enskild person kan identifieras.\n\n"
            "Tack för Din medverkan!\n\n"
            "Vi vill med enkäten få veta hur du upplever samverkansarbetet i parternas chefsgrupp. "
            "Kryssa i den ruta som bäst beskriver i vilken utsträckning du instämmer med varje "
            "fråga. Om du inte vet svaret på en fråga kan du hoppa över den.\n\n"
            "För att underlätta för dig att ta ställning till frågorna finns nedan definierat en "
            "del av de begrepp som nämns i enkäten.\n\n"
            "Ett systematiskt arbetssätt är metodiskt. Aktörer utöver de som medlemmar i "
            "samordningsförbundet är andra än kommun, region, arbetsförmedling och "
            "försäkringskassa. Med struktur avses en synlig uppbyggnad exempelvis en "
            "organisationsstruktur, och relationer avser kopplingar mellan personer eller "
            "befattningar. De samverkande myndigheterna är detsamma som medlemmarna i "
            "samordningsförbundet."
        ),
        "fragor": [
            {
                "nummer": "1",
                "text": "Tas erfarenheter, såsom kunskaper och synpunkter, från deltagare systematiskt tillvara?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "2",
                "text": "Medverkar individer med samordnade rehabiliteringsbehov i utvecklingen av insatser?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "3",
                "text": "Har er samverkansgrupp ett strukturerat samarbete med aktörer utöver de som är medlemmar i samordningsförbundet?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "4",
                "text": "Har ni strukturer för att initiera, upprätthålla och underhålla relationer mellan de samverkande myndigheterna?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "5",
                "text": "Används erfarenheter från förbundsfinansierade insatser som underlag för fortsatt utveckling av samordnad arbetslivsinriktad rehabilitering?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "6",
                "text": "Har erfarenheter från er samverkan lett till att förebyggande insatser utvecklats med avsikten att samordnad rehabilitering inte ska behöva bli aktuell?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "7",
                "text": "Används könsuppdelad statistik i planering, beslut och prioriteringar?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "8",
                "text": "Har ni integrerat jämställdhet, jämlikhet och mångfald i den samverkan som stöds av samordningsförbundet?",
                "typ": "skala_instammer",
            },
        ],
    },
    {
        "kod": "personal",
        "namn": "Enkät personal",
        "malgrupp": "insats",
        "rubrik": "Hur vet vi att det blir bättre?",
        "inledning": (
            "Samordningsförbunden vill utveckla och följa upp sin verksamhet. NNS Indikatorer för "
            "finansiell samordning är ett instrument för samordningsförbund och insatser att bedöma "
            "egen verksamhetsutveckling över tid, möjliggöra jämförelser mellan förbund, samt ge "
            "förbund och ingående parter ett stöd att förbättra samordningen av "
            "arbetslivsrehabiliterande insatser.\n\n"
            "Denna enkät riktar sig till dig som arbetar med insatser finansierade av "
            "samordningsförbundet och består av frågor som på olika sätt handlar om hur du upplever "
            "arbetssituationen i den verksamheten Du arbetar inom.\n\n"
            "Att svara på frågorna är helt frivilligt och du behöver inte ange någon motivering om "
            "du avstår och kan om du vill lämna in din enkät obesvarad. Returnera enkäten i det "
            "bifogade kuvertet.\n\n"
            "Resultat kommer att redovisas så att ingen enskild person kan identifieras.\n\n"
            "Tack för Din medverkan!\n\n"
            "Vi vill med enkäten få veta hur du upplever arbetet i verksamheten du arbetar inom.\n\n"
            "Kryssa i den ruta som bäst beskriver i vilken utsträckning du instämmer med varje "
            "fråga.\n\n"
            "Om du inte vet svaret på en fråga kan du hoppa över den.\n\n"
            "För att underlätta för dig att ta ställning till frågorna finns nedan definierat en "
            "del av de begrepp som nämns i enkäten.\n\n"
            "Med andra myndigheter avses exempelvis Arbetsförmedlingen, Försäkringskassan, "
            "kommunen, och landstinget/regionen. Ett systematiskt arbetssätt är metodiskt, och en "
            "rutin anger ett i förväg bestämt arbetssätt som konkret anger hur man bör agera i "
            "olika situationer. Med struktur avses en synlig uppbyggnad, exempelvis en "
            "organisationsstruktur, och relationer avser här kopplingar mellan personer eller "
            "befattningar."
        ),
        "fragor": [
            {
                "nummer": "1",
                "text": "Får stödet du ger till deltagarna ta den tid som behövs?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "2",
                "text": "Finns det en tillräcklig planering för deltagarna för vad som ska hända när de avslutat insatsen?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "3",
                "text": "Upplever du att de du samverkar med hos andra myndigheter lyssnar på dig?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "4",
                "text": "Upplever du att de du samverkar med hos andra myndigheter vet vad du kan tillföra?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "5",
                "text": "Tas erfarenheter, kunskaper och synpunkter från deltagare systematiskt tillvara?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "6",
                "text": "Har ni rutiner för att samarbeta med andra aktörer i arbetet när det gäller insatser för deltagarna?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "7",
                "text": "Har ni strukturer för att initiera, upprätthålla och underhålla relationer mellan inblandade aktörer?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "8",
                "text": "Omfattas det synsätt ni har angående människors resurser och möjligheter av alla i den samordnade insatsen?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "9",
                "text": "Fungerar de olika arbetssätt ni har i den samordnade insatsen bra tillsammans?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "10",
                "text": "Har ni rutiner för att arbeta med jämställdhet, jämlikhet och mångfald i insatsen?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "11",
                "text": "Avsätts tid till lärande och reflektion kopplat till jämställdhet, jämlikhet och mångfald?",
                "typ": "skala_instammer",
            },
        ],
    },
    {
        "kod": "deltagare_pagaende",
        "namn": NAMN_PAGAENDE,
        "malgrupp": "insats",
        "rubrik": "Hur upplever du stödet du får i verksamheten?",
        "inledning": (
            "Du deltar i en verksamhet som finansieras av ett samordningsförbund. Vi vill veta hur "
            "du upplever att det stöd du får i verksamheten fungerar.\n\n"
            "Vi välkomnar dina synpunkter!\n\n"
            "Försök att svara på alla frågorna så ärligt som möjligt. Att svara på frågorna är "
            "frivilligt och du behöver inte förklara varför om du inte vill svara. Du kan också "
            "lämna in din enkät obesvarad. Lämna tillbaka enkäten i det bifogade kuvertet.\n\n"
            "Enkätsvaren behandlas anonymt. Det innebär att ingen enskild person kan "
            "identifieras.\n\n"
            "I samband med att du besvarar enkäten har du också möjlighet att ställa frågor till "
            "den som delat ut enkäten.\n\n"
            "Tack för Din medverkan!\n\n"
            "Vi vill med enkäten få veta hur du upplever att det stöd du får i verksamheten "
            "fungerar. Kryssa i den ruta som bäst beskriver i vilken utsträckning du instämmer med "
            "varje fråga. Om du inte vill svara eller inte vet svaret på en fråga kan du hoppa över "
            "den."
        ),
        "fragor": [
            {"nummer": "kon", "text": "Om dig:", "typ": "kon"},
            {
                "nummer": "1",
                "text": "Får du stöd på ett sätt som är till stor nytta för dig?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "2",
                "text": "Är du med och bestämmer vilket stöd du skall få?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "3",
                "text": "Får stödet ta den tid du behöver?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "4",
                "text": "Stödjer insatsen dig i kontakterna med myndigheterna och vården?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "5",
                "text": "Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "6",
                "text": "Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "7",
                "text": "Upplever du att personalen tar tillvara dina erfarenheter, kunskaper och synpunkter?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "8",
                "text": "Vad är viktigt för dig för att kunna arbeta eller studera?",
                "typ": "fritext",
            },
            {
                "nummer": "9",
                "text": "Hur gör stödet du får skillnad för dig?",
                "typ": "fritext",
                "hjalptext": "(Beskriv gärna vad och varför)",
            },
            {
                "nummer": "10",
                "text": "Vad kan göras annorlunda?",
                "typ": "fritext",
            },
        ],
    },
    {
        "kod": "deltagare_avslut",
        "namn": NAMN_AVSLUT,
        "malgrupp": "insats",
        "rubrik": "Hur upplever du stödet du har fått i verksamheten?",
        "inledning": (
            "Du deltar eller har deltagit i en verksamhet som finansieras av ett "
            "samordningsförbund. Vi vill veta hur du upplever att det stöd du fått i verksamheten "
            "fungerar.\n\n"
            "Vi välkomnar dina synpunkter!\n\n"
            "Försök att svara på alla frågorna så ärligt som möjligt. Att svara på frågorna är "
            "frivilligt och du behöver inte förklara varför om du inte vill svara. Du kan också "
            "lämna in din enkät obesvarad. Lämna tillbaka enkäten i det bifogade kuvertet.\n\n"
            "Enkätsvaren behandlas anonymt. Det innebär att ingen enskild person kan "
            "identifieras.\n\n"
            "I samband med att du besvarar enkäten har du också möjlighet att ställa frågor till "
            "den som delat ut enkäten.\n\n"
            "Tack för Din medverkan!\n\n"
            "Vi vill med enkäten få veta hur du upplever att det stöd du får i verksamheten "
            "fungerar. Kryssa i den ruta som bäst beskriver i vilken utsträckning du instämmer med "
            "varje fråga. Om du inte vill svara eller inte vet svaret på en fråga kan du hoppa över "
            "den."
        ),
        "fragor": [
            {"nummer": "kon", "text": "Om dig:", "typ": "kon"},
            {
                "nummer": "1",
                "text": "Har du fått stöd på ett sätt som är till stor nytta för dig?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "2",
                "text": "Har du fått vara med och bestämma vilket stöd du får/har fått?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "3",
                "text": "Har stödet fått ta den tid du behövt?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "4",
                "text": "Har insatsen stöttat dig i kontakterna med myndigheterna och vården?",
                "typ": "skala_frekvens",
            },
            {
                "nummer": "5",
                "text": "Har det stöd du fått hjälpt dig att utveckla sätt att hantera din situation?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "6",
                # "mer" is underlined in the source.
                "text": "Känner du dig mer redo att kunna arbeta eller studera jämfört med innan du fick kontakt med oss?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "7",
                "text": "Upplever du att personalen har tagit tillvara dina erfarenheter, kunskaper och synpunkter?",
                "typ": "skala_instammer",
            },
            {
                "nummer": "8",
                "text": "Har ni påbörjat en planering för vad som ska hända efter att nuvarande stöd har upphört?",
                "typ": "ja_nej",
                "hjalptext": "Om Ja på fråga 8, gå vidare till frågorna 9 till 13. Om Nej på fråga 8, gå vidare till frågorna 11 till 13.",
            },
            {
                "nummer": "9",
                "text": "Finns det en tillräcklig planering för vad som ska hända efter att detta stöd upphört?",
                "typ": "skala_instammer",
                "visas_om": {"fraga": "8", "svar": "Ja"},
            },
            {
                "nummer": "10",
                "text": "Kommer det som är planerat att påbörjas inom rimlig tid?",
                "typ": "skala_instammer",
                "visas_om": {"fraga": "8", "svar": "Ja"},
            },
            {
                "nummer": "11",
                "text": "Vad är viktigt för dig för att kunna arbeta eller studera?",
                "typ": "fritext",
            },
            {
                "nummer": "12",
                "text": "Hur har stödet du fått gjort skillnad för dig?",
                "typ": "fritext",
                "hjalptext": "(Beskriv gärna vad och varför)",
            },
            {
                "nummer": "13",
                "text": "Vad skulle kunna ha gjorts annorlunda?",
                "typ": "fritext",
            },
        ],
    },
]


# On the web one sentence of the form's own comes before question 1 (with the portal's own on
# anonymity and skipping); the paper's instructions ("Kryssa i den ruta…", "…i det bifogade
# kuvertet") only in print. The definitions of terms, the last paragraph of the staff and
# board forms' inledning, are on the web behind a button. Sentences from the inledning, word
# for word.
WEBBINLEDNING = {
    "styrelse": "Vi vill med enkäten få veta hur du upplever arbetet i styrelsen i ditt "
    "samordningsförbund.",
    "chefsgrupp": "Vi vill med enkäten få veta hur du upplever samverkansarbetet i parternas "
    "chefsgrupp.",
    "personal": "Vi vill med enkäten få veta hur du upplever arbetet i verksamheten du arbetar "
    "inom.",
    "deltagare_pagaende": "Vi vill med enkäten få veta hur du upplever att det stöd du får i "
    "verksamheten fungerar.",
    "deltagare_avslut": "Vi vill med enkäten få veta hur du upplever att det stöd du får i "
    "verksamheten fungerar.",
}
MED_BEGREPP = {"styrelse", "chefsgrupp", "personal"}
for _f in FORMULAR:
    _f["webbinledning"] = WEBBINLEDNING[_f["kod"]]
    _f["begrepp"] = _f["inledning"].rsplit("\n\n", 1)[1] if _f["kod"] in MED_BEGREPP else ""
