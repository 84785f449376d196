"""Demo protocols transcribed from seed 003 (Samordningsförbundet Sundsvall) and seed 000
(Utvecklingsrådet NVSam). Public records; every person's name replaced by an invented one."""

from __future__ import annotations

PROTOKOLL = [
    {
        "organ": "Styrelsen",
        "datum": "2021-11-26",
        "plats": "Arbetsmarknadstorget, Skolhusallén 9 Sundsvall, Röda konferensrummet",
        "justerare": "Fredrika Alnö",
        "justeringsdatum": "2021-12-09",
        "anslagsdatum": "2021-12-15",
        "narvaro": [
            {
                "kategori": "ordinarie",
                "namn": "Karin Ödmark",
                "beskrivning": "Region Västernorrland",
            },
            {
                "kategori": "ordinarie",
                "namn": "Johan Bergvik",
                "beskrivning": "Sundsvalls kommun",
            },
            {
                "kategori": "ordinarie",
                "namn": "Fredrika Alnö",
                "beskrivning": "Försäkringskassan",
            },
            {
                "kategori": "ersattare",
                "namn": "Tove Ringblad",
                "beskrivning": "Sundsvalls kommun",
            },
            {
                "kategori": "ersattare",
                "namn": "Lisa Kvarnström",
                "beskrivning": "Försäkringskassan",
            },
            {
                "kategori": "ovrig",
                "namn": "Eva Sidsjö",
                "beskrivning": "Verkställande tjänsteman/sekreterare",
            },
            {
                "kategori": "ovrig",
                "namn": "Oskar Granlo",
                "beskrivning": "Utvecklingsledare",
            },
            {
                "kategori": "ovrig",
                "namn": "Daniel Norrby",
                "beskrivning": "Sundsvalls kommun, IAF",
                "fran": 150,
                "till": 154,
            },
            {
                "kategori": "ovrig",
                "namn": "Lovisa Vallin",
                "beskrivning": "Sundsvalls kommun, IAF",
                "fran": 150,
                "till": 154,
            },
            {
                "kategori": "ovrig",
                "namn": "Emma Rydén",
                "beskrivning": "Sundsvalls kommun, IAF",
                "fran": 150,
                "till": 154,
            },
        ],
        "paragrafer": [
            {
                "nummer": 150,
                "rubrik": "Sammanträdet öppnas",
                "text": "Ordförande Karin Ödmark förklarar mötet öppnat.",
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "oppnande",
            },
            {
                "nummer": 151,
                "rubrik": "Fastställande av dagordning",
                "text": (
                    "Att under övriga frågor lägga till om medelstillelning från staten inför 2022"
                ),
                "bilagor": "",
                "beslut": [
                    "men ovan nämnda tillägg fastställa upprättat förslag till dagordning.",
                ],
                "jav": [],
                "standard": "dagordning",
            },
            {
                "nummer": 152,
                "rubrik": "Val av justerare",
                "text": "",
                "bilagor": "",
                "beslut": [
                    "utse Fredrika Alnö att jämte ordförande justera dagens protokoll.",
                ],
                "jav": [],
                "standard": "justerare",
            },
            {
                "nummer": 153,
                "rubrik": "Föregående protokoll 211020",
                "text": "",
                "bilagor": "1",
                "beslut": [
                    "protokollet från styrelsemötet 211020 läggs till handlingarna",
                ],
                "jav": [],
                "standard": "foregaende",
            },
            {
                "nummer": 154,
                "rubrik": (
                    "Information av Daniel Norrby, Lovisa Vallin och Emma Rydén från "
                    "IAF, Sundsvalls kommun kring rehabvägledarnas arbete."
                ),
                "text": (
                    "Andelen med psykisk ohälsa i vårt samhälle ökar, inte minst andelen "
                    "unga vuxna med psykisk ohälsa ökar. De insatsutbud som idag finns "
                    "inom IAF för personer med psykisk ohälsa täcker inte fullt det "
                    "behov som målgruppen har.\n\n"
                    "Verksamheterna är dessutom biståndsprövade – kräver en ansökan och "
                    "ett bifallsbeslut för att delta. Till Rehabvägledare krävs inget "
                    "biståndsbeslut för att delta, och syftar till att ge möjlighet för "
                    "människor att i sin egen takt utforska sig själva, sin potential "
                    "och öka sin delaktighet i samhället. Målgruppen är personer med "
                    "psykisk ohälsa i åldern 18-65 år. Vi använder begreppet psykisk "
                    "ohälsa som en samlande beteckning för mindre allvarliga psykiska "
                    "besvär, som till exempel oro och nedstämdhet, och mer allvarliga "
                    "symtom, som uppfyller kriterierna för en psykiatrisk diagnos. De "
                    "psykiska besvären kan beroende på typ och omfattning i olika grad "
                    "påverka funktionsförmågan. Målgruppen har oftast en komplex "
                    "problematik med långvarigt utanförskap.\n\n"
                    "Verksamhetens mål är att frigöra och utveckla enskildas och "
                    "grupperes resurser. Detta som ett led i steget mot att individen "
                    "blir mer självständig, mår bättre och kan komma ut i arbete, "
                    "sysselsättning eller studier.\n\n"
                    "28 deltagare har under året tagit del av insatsen Rehabvägledare, "
                    "av dessa är 18 män och 10 kvinnor. 3 deltagare har under perioden "
                    "valt att avbryta, och 9 nya deltagare har tillkommit"
                ),
                "bilagor": "16",
                "beslut": [
                    "tacka för informationen och lägga den till handlingarna.",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 155,
                "rubrik": "Genomgång av plan för intern styrning och kontroll 2021",
                "text": (
                    "Vice ordförande, och verkställande tjänsteman hade den 24 november "
                    "en granskning av planen för intern styrning och kontroll för "
                    "förbundet på förbundets kansli. Vice ordförande genomförde "
                    "stickprovs kontroll av de processer som finns angivna planen för "
                    "intern styrning och kontroll. Granskningen visar inte på några "
                    "avvikelser som behöver åtgärdas i nuläget."
                ),
                "bilagor": "2",
                "beslut": [
                    (
                        "lägga granskningen av planen för intern styrning och kontroll till "
                        "handlingarna"
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 156,
                "rubrik": "Beslut om plan för intern styrning och kontroll 2022",
                "text": (
                    "Styrelsen går igenom plan för intern styrning och kontroll för "
                    "verksamhetsåret 2022."
                ),
                "bilagor": "3",
                "beslut": [
                    (
                        "godkänna upprättat förslag på plan för intern styrning och kontroll "
                        "för verksamhetsåret 2022."
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 157,
                "rubrik": "Beslut om risk och väsentlighetsanalys för 2022",
                "text": (
                    "Styrelsen går igenom de områden som finns omnämnda i risk och "
                    "väsentlighetsanalysen. Styrelsen anser att den inte behöver förändras."
                ),
                "bilagor": "4",
                "beslut": [
                    (
                        "godkänna upprättat förslag på risk och väsentlighetsanalysen för "
                        "Samordningsförbundet Sundsvall för verksamhetsåret 2022."
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 158,
                "rubrik": (
                    "Beslut om arvoden för styrelsemedlemmar i Samordningsförbundet Sundsvall 2022."
                ),
                "text": (
                    "Samordningsförbundet Sundsvall har de senaste åren följt Sundsvall "
                    "kommun sammanträdesersättningarna. Sammanträdes- och "
                    "förrättningsarvoden utgör följande procentandel av grundbeloppet. "
                    "Tid upp t o m 4 timmar är 1 % av grundbeloppet och tid över 4 "
                    "timmar är 2 % av grundbeloppet. Grundbeloppet uppräknas den 1 april "
                    "årligen. Samordningsförbundet Sundsvall följer även Sundsvalls "
                    "kommuns reglemente gällande förlorad arbetsförtjänst och "
                    "reseersättningar."
                ),
                "bilagor": "",
                "beslut": [
                    "fortsätta följa Sundsvalls kommuns sammanträdesersättningar under 2022",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 159,
                "rubrik": (
                    "Beslut om delegationsordning för Samordningsförbundet Sundsvall för 2022"
                ),
                "text": "",
                "bilagor": "5",
                "beslut": [
                    "anta förslaget till delegationsordning",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 160,
                "rubrik": (
                    "Attest- och utanordningsinstruktion Samordningsförbundet Sundsvall "
                    "och signaturlista för 2022"
                ),
                "text": (
                    "Verkställande tjänsteman visar en uppdaterad attest- och "
                    "utanordningsinstruktion samt en signaturlista för "
                    "Samordningsförbundet Sundsvall."
                ),
                "bilagor": "6 och 7",
                "beslut": [
                    (
                        "i enligt förslaget anta den uppdaterade attest- och "
                        "utanordningsinstruktion samt signaturlista för Samordningsförbundet "
                        "Sundsvall"
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 161,
                "rubrik": (
                    "Ansökan medel för SIP-samordnare på Arbetsmarknadstorget inför 2022 "
                    "och 2023 från Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av en SIP-samordnare på "
                    "Arbetsmarknadstorget från Individ och arbetsmarknadsförvaltning, "
                    "Sundsvalls kommun under 2022 och 2023. Ansökan avser finansiering "
                    "av personalkostnader, lokalkostnad samt data/IT för en "
                    "SIP-samordnare. Detta till en kostnad av 645 000 kr för 2022 och "
                    "660 000 kr för 2023.\n\n"
                    "För komplett ansökan läs bilagan."
                ),
                "bilagor": "8",
                "beslut": [
                    (
                        "bevilja medel med 645 000 kr till SIP-samordnare för 2022 och 660 "
                        "000 kr för 2023 under förutsättning att förbundet får bidrag från "
                        "huvudmännen för 2023 enligt förslaget som nu ligger."
                    ),
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                    "liknande rutin för utbetalning av medel gäller för 2023 som för 2022.",
                ],
                "jav": [
                    {
                        "namn": "Johan Bergvik",
                        "omfattning": "beslut",
                    },
                    {
                        "namn": "Tove Ringblad",
                        "omfattning": "diskussion",
                    },
                ],
                "standard": "",
            },
            {
                "nummer": 162,
                "rubrik": (
                    "Ansökan medel för Arbetsterapeut på Arbetsmarknadstorget inför 2022 "
                    "från Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av en arbetsterapeutjänst från "
                    "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun under "
                    "2022. Ansökan avser finansiering av personalkostnader, lokalkostnad "
                    "samt data/IT för en arbetsterapeutjänst. Detta till en kostnad av "
                    "610 000 kr. För komplett ansökan läs bilagan."
                ),
                "bilagor": "9",
                "beslut": [
                    "bevilja medel med 610 000 kr till arbetsterapeutjänst för 2022",
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                ],
                "jav": [
                    {
                        "namn": "Johan Bergvik",
                        "omfattning": "beslut",
                    },
                    {
                        "namn": "Tove Ringblad",
                        "omfattning": "diskussion",
                    },
                ],
                "standard": "",
            },
            {
                "nummer": 163,
                "rubrik": (
                    "Ansökan medel för Försäkringsutredare från Försäkringskassan på "
                    "Arbetsmarknadstorget inför 2022 från Försäkringskassan"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av en Försäkringsutredare från "
                    "Försäkringskassan på Arbetsmarknadstorget. Ansökan avser "
                    "finansiering av personalkostnader för en Försäkringsutredare samt "
                    "verksamhetskostnader. Detta till en kostnad av 162 661 kr för 2022. "
                    "För komplett ansökan läs bilagan."
                ),
                "bilagor": "10",
                "beslut": [
                    "bevilja medel med 162 661 kr till Försäkringsutredare för 2022",
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                    (
                        "avsätta 30 000 kr för lokalkostnader till Individ och "
                        "arbetsmarknadsförvaltning, Sundsvalls kommun som är lokalhållare "
                        "för arbetsmarknadstorget"
                    ),
                ],
                "jav": [
                    {
                        "namn": "Lisa Kvarnström",
                        "omfattning": "diskussion",
                    },
                ],
                "standard": "",
            },
            {
                "nummer": 164,
                "rubrik": (
                    "Ansökan medel för Arbetskonsulent på Arbetsmarknadstorget inför "
                    "2022 från Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av en arbetskonsulent för "
                    "personer som har behov av förrehabiliterande insatser från Individ "
                    "och arbetsmarknadsförvaltning, Sundsvalls kommun under 2022 Ansökan "
                    "avser finansiering av personalkostnader, lokalkostnad samt data/IT "
                    "för en arbetskonsulent för personer som har behov av "
                    "förrehabiliterande insatser. Detta till en kostnad av 618 000 kr. "
                    "För komplett ansökan läs bilagan."
                ),
                "bilagor": "11",
                "beslut": [
                    "bevilja medel med 618 000 kr till arbetskonsulenttjänst för 2022",
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                ],
                "jav": [
                    {
                        "namn": "Johan Bergvik",
                        "omfattning": "beslut",
                    },
                    {
                        "namn": "Tove Ringblad",
                        "omfattning": "diskussion",
                    },
                ],
                "standard": "",
            },
            {
                "nummer": 165,
                "rubrik": (
                    "Ansökan medel för Arbetskonsulent för personer med "
                    "aktivitetsersättning på Arbetsmarknadstorget inför 2022 från "
                    "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av en arbetskonsulent för "
                    "personer med aktivitetsersättning från Individ och "
                    "arbetsmarknadsförvaltning, Sundsvalls kommun under 2022 Ansökan "
                    "avser finansiering av personalkostnader, lokalkostnad samt data/IT "
                    "för en arbetskonsulent för personer med aktivitetsersättning. Detta "
                    "till en kostnad av 683 000 kr. För komplett ansökan läs bilagan."
                ),
                "bilagor": "12",
                "beslut": [
                    (
                        "bevilja medel med 683 000 kr till arbetskonsulenttjänst för "
                        "personer med aktivitetsersättning för 2022"
                    ),
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                ],
                "jav": [
                    {
                        "namn": "Johan Bergvik",
                        "omfattning": "beslut",
                    },
                    {
                        "namn": "Tove Ringblad",
                        "omfattning": "diskussion",
                    },
                    {
                        "namn": "Lisa Kvarnström",
                        "omfattning": "diskussion",
                    },
                ],
                "standard": "",
            },
            {
                "nummer": 166,
                "rubrik": (
                    "Ansökan om medel för 2 stycken Arbetsförmedlare till "
                    "Arbetsmarknadstorget inför 2022 från Arbetsförmedlingen"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av två arbetsförmedlare (vuxen) "
                    "till Arbetsmarknadstorget under 2022 från Arbetsförmedlingen. "
                    "Ansökan avser finansiering av personalkostnader för två "
                    "arbetsförmedlare (vuxen). Detta till en kostnad av 1 100 000 kr. "
                    "För komplett ansökan läs bilagan."
                ),
                "bilagor": "13",
                "beslut": [
                    "bevilja medel med 1 100 000 kr till två arbetsförmedlare (vuxen) för 2022",
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                    (
                        "avsätta 60 000 kr för lokalkostnader till Individ och "
                        "arbetsmarknadsförvaltning, Sundsvalls kommun som är lokalhållare "
                        "för arbetsmarknadstorget"
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 167,
                "rubrik": (
                    "Ansökan medel för Psykolog på Arbetsmarknadstorget inför 2022 från "
                    "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"
                ),
                "text": (
                    "Denna ansökan avser en finansiering av en psykologtjänst från "
                    "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun under "
                    "2022. Ansökan avser finansiering av personalkostnader, lokalkostnad "
                    "samt data/IT för en psykologtjänst. Detta till en kostnad av 895 "
                    "000 kr. För komplett ansökan läs bilagan."
                ),
                "bilagor": "14",
                "beslut": [
                    "bevilja medel med 895 000 kr till psykologtjänst för 2022",
                    (
                        "betala ut hälften av de beviljade medlen för 2022 i samband med att "
                        "avtal tecknats och resterande del efter att redovisning inkommit "
                        "för 2022 och godkänts av styrelsen."
                    ),
                ],
                "jav": [
                    {
                        "namn": "Johan Bergvik",
                        "omfattning": "beslut",
                    },
                    {
                        "namn": "Tove Ringblad",
                        "omfattning": "diskussion",
                    },
                ],
                "standard": "",
            },
            {
                "nummer": 168,
                "rubrik": (
                    "Fastställande av 2022 års budget och verksamhetsplan med plan för "
                    "2023 och 2024 för Samordningsförbundet Sundsvall"
                ),
                "text": (
                    "Verkställande tjänsteman redovisar innehållet i det upprättade "
                    "förslaget till budget och verksamhetsplan för 2022 med plan för "
                    "2023 och 2024. En ändring har gjorts under "
                    "Utvecklingsledartjänsten. Det finns nu beskrivet att "
                    "Utvecklingsledartjänsten arbetar på uppdrag av styrelsen i "
                    "Samordningsförbundet"
                ),
                "bilagor": "15",
                "beslut": [
                    (
                        "fastställa 2022 års budget och verksamhetsplan med plan för 2023 "
                        "och 2024 enligt upprättat förslag med ovannämnda ändring."
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 169,
                "rubrik": "Uppstart av BIP i Samordningsförbundets insatser.",
                "text": (
                    "Den 25 november hade vi ett uppstarts/implementeringsmöte kring att "
                    "starta upp BIP i Sundsvall. Det var Per Ståhlberg från NNS och Erik "
                    "Hammarlund från Samordningsförbundet Halland som ledde mötet. De "
                    "som deltog var representanter från Samverkansrådet för "
                    "Samordningsförbundet Sundsvall. Det är inbokade träffar framöver "
                    "för att fortsätta arbetet med BIP i Sundsvall. Samverkansrådet var "
                    "eniga om att Arbetsmarknadstorget i Sundsvall är den naturliga "
                    "samverkansytan att påbörja BIP arbetet. Styrelsen kommer "
                    "kontinuerligt få information hur arbetet går under våren 2023."
                ),
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 170,
                "rubrik": "Verkställandetjänsteman informerar",
                "text": (
                    "### NNS, medlemsmöte den 2 december.\n\n"
                    "Från Samordningsförbundet Sundsvall kommer ordförande och "
                    "verkställande tjänsteman att delta. Handlingar finns att tillgå på "
                    "NNS hemsida. www.nnsfinsam.se\n\n"
                    "Malin Hedqvist från Samordningsförbundet Örnsköldsvik och Roger "
                    "Nyström från Samordningsförbundet Skellefteå-Norsjö är våra "
                    "kontakter i NNS styrelse.\n\n"
                    "### Finsam\n\n"
                    "Verkställande tjänsteman informerar om att det finns mycket "
                    "intressant läsning på Finsams hemsida. www.finsam.se\n\n"
                    "### Läns gemensam träff i Kramfors den 29 oktober.\n\n"
                    "Från Samordningsförbundet Sundsvall deltog ordförande och "
                    "verkställande tjänsteman. Förbunden i Västernorrland är överens om "
                    "att vi måste jobba för att öka tilldelningen av medel till "
                    "förbunden. Och att förbund med högt eget kapital i första hand ska "
                    "använda sig av det för att finansiera sin verksamhet, innan "
                    "ytterligare tilldelning. Det blev en hel del diskussioner inför NNS "
                    "medlemsmöte den 2 december. Vi är överens om att det är ett bra "
                    "initiativ med dessa möten som kan göra att engagemanget kring NNS "
                    "kan öka. Vi kommer överens om att fortsätta med dessa länsträffar "
                    "med förbundens ordföranden och förbundschefer/verkställande "
                    "tjänstepersoner två gånger per år (höst och vår). Nästa träff "
                    "planeras till den 29 april i Sundsvall. Till den träffen ska de "
                    "riksdagsledamöter som representerar Västernorrland bjudas in.\n\n"
                    "### Norrlandskonferens i Örnsköldsvik 11 och 12 november\n\n"
                    "Från Samordningsförbundet Sundsvall deltog Karin Ödmark, Tove "
                    "Ringblad, Oskar Granlo och Eva Sidsjö. Camilla Öberg från "
                    "Arbetsförmedlingen som sitter i nationella rådets arbetsgrupp "
                    "informerade om den reformering Arbetsförmedlingen nu genomgår. "
                    "Malin Hedqvist från NNS informerade om arbetet som görs inom NNS "
                    "och att förslaget som varit ute på remiss om att höja "
                    "serviceavgiften inte kommer att ske. Det var två givande dagar med "
                    "många och långa diskussioner.\n\n"
                    "Det beslutades att nästa års Norrlandskonferens ska vara med "
                    "Samordningsförbundet Ånge som värd.\n\n"
                    "### Psykiatridagarna 9 och 10 november\n\n"
                    "Psykiatridagarna genomfördes den 9 och 10 november. Dagarna "
                    "genomfördes enbart digitalt i år. Temat för årets dagar var suicid, "
                    "suicidprevention samt forskning inom området. Bland föreläsarna "
                    "fanns bland annat Britt-Marie Sjöberg, Gunilla Forsmark och Jessica "
                    "Holmlund.\n\n"
                    "En utvärderingsträff av årets psykiatridagar kommer att vara under "
                    "december där även arbetet med nästa års psykiatridagar påbörjas. "
                    "Styrelsen uppfattning är att nästa års psykiatridagar arrangeras "
                    "både som i år digitalt men att det borde även finnas möjlighet att "
                    "närvara fysiskt.\n\n"
                    "### Våldsfriaveckan\n\n"
                    "Samordningsförbunden i länet har tillsammans under vecka 47 "
                    "arrangerat en digital föreläsningsserie med syfte att öka vår "
                    "kunskap om våldsförebyggande arbete.\n\n"
                    "Bland föreläsarna fanns bland annat Tomas Lindahl och Johanna Ek. "
                    "Alla föreläsningar ligger kvar en vecka på vår Youtubekanal."
                ),
                "bilagor": "",
                "beslut": [
                    "bjuda in Malin Hedqvist till styrelsemötet i januari 2022.",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 171,
                "rubrik": "Inbjudningar",
                "text": (
                    "- Den årliga Finsamkonferens kommer 2022 att vara den 5 och 6 april "
                    "i Halmstad. Mer info kommer under december/januari."
                ),
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 172,
                "rubrik": "Utbildningar",
                "text": "Inga relevanta utbildningar",
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 173,
                "rubrik": "Övriga frågor",
                "text": (
                    "### Medelstillelning från staten för verksamhetsåret 2022.\n\n"
                    "Försäkringskassan kom med besked om medelstildelning inför 2022 den "
                    "2 november. Beslutet gäller under förutsättning att statliga medel "
                    "tilldelas enligt förslaget i budgetpropositionen avseende 2022. För "
                    "vår del blev det precis som tidigare år 3 689 000 kr från staten."
                ),
                "bilagor": "17",
                "beslut": [],
                "jav": [],
                "standard": "ovriga",
            },
            {
                "nummer": 174,
                "rubrik": "Sammanträdet avslutas",
                "text": (
                    "Ordförande önskar alla en trevlig helg och förklarar sammanträdet avslutat."
                ),
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "avslutning",
            },
        ],
    },
    {
        "organ": "Styrelsen",
        "datum": "2022-01-21",
        "plats": "Rum 654, kommunhuset, Sundsvall. Plus teams",
        "justerare": "Petter Skönvik",
        "justeringsdatum": "2022-02-07",
        "anslagsdatum": "2022-02-08",
        "narvaro": [
            {
                "kategori": "ordinarie",
                "namn": "Karin Ödmark",
                "beskrivning": "Region Västernorrland",
            },
            {
                "kategori": "ordinarie",
                "namn": "Petter Skönvik",
                "beskrivning": "Arbetsförmedlingen",
            },
            {
                "kategori": "tjanstgorande_ersattare",
                "namn": "Tove Ringblad",
                "beskrivning": "Sundsvalls kommun",
                "ersatter": "Johan Bergvik",
            },
            {
                "kategori": "tjanstgorande_ersattare",
                "namn": "Lisa Kvarnström",
                "beskrivning": "Försäkringskassan",
                "ersatter": "Fredrika Alnö",
            },
            {
                "kategori": "ovrig",
                "namn": "Eva Sidsjö",
                "beskrivning": "Verkställande tjänsteman/sekreterare",
            },
            {
                "kategori": "ovrig",
                "namn": "Oskar Granlo",
                "beskrivning": "Utvecklingsledare",
            },
            {
                "kategori": "ovrig",
                "namn": "Malin Hedqvist",
                "beskrivning": "NNS",
                "fran": 5,
                "till": 5,
            },
            {
                "kategori": "ovrig",
                "namn": "Sofia Lindqvist",
                "beskrivning": "Info kring Fontänhus",
                "fran": 6,
                "till": 6,
            },
            {
                "kategori": "ovrig",
                "namn": "Ingrid Mohed",
                "beskrivning": "Info kring Fontänhus",
                "fran": 6,
                "till": 6,
            },
        ],
        "paragrafer": [
            {
                "nummer": 1,
                "rubrik": "Sammanträdet öppnas",
                "text": "Ordförande Karin Ödmark förklarar mötet öppnat.",
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "oppnande",
            },
            {
                "nummer": 2,
                "rubrik": "Fastställande av dagordning",
                "text": "",
                "bilagor": "",
                "beslut": [
                    "fastställa upprättat förslag till dagordning.",
                ],
                "jav": [],
                "standard": "dagordning",
            },
            {
                "nummer": 3,
                "rubrik": "Val av justerare",
                "text": "",
                "bilagor": "",
                "beslut": [
                    "utse Petter Skönvik att jämte ordförande justera dagens protokoll.",
                ],
                "jav": [],
                "standard": "justerare",
            },
            {
                "nummer": 4,
                "rubrik": "Föregående protokoll 211126",
                "text": "",
                "bilagor": "1",
                "beslut": [
                    "protokollet från styrelsemötet 211126 läggs till handlingarna",
                ],
                "jav": [],
                "standard": "foregaende",
            },
            {
                "nummer": 5,
                "rubrik": (
                    "Information av Malin Hedqvist från Nationella Nätverket för "
                    "Samordningsförbundet (NNS)"
                ),
                "text": (
                    "Det finns idag totalt 82 Samordningsförbund, som omfattar 247 av "
                    "Sveriges kommuner. En del Samordningsförbund är små och verksamma "
                    "endast i en kommun. Andra kan omfatta ett län eller en region.\n\n"
                    "NNS är en medlemsorganisation. För närvarande är 75 "
                    "Samordningsförbund medlemmar i NNS. NNS ändamål är att vara "
                    "språkrör för, samt i nätverksform, stödja och bidra till utveckling "
                    "av Samordningsförbunden. NNS vara en mötesplats för NNS medlemmar, "
                    "utveckla dialog med Samordningsförbunden, vara en aktiv bevakare av "
                    "medlemmarnas intressen lokalt, regionalt och nationellt, med hög "
                    "kompetens bidra till utvecklingen av medlemmarnas verksamhet, "
                    "utgöra en nationell politisk arena för kommuner, landsting och "
                    "region. Aktuella frågor NNS jobbar med just nu är, Förändring av "
                    "tjänstemannastödet, Nils Ekholm slutar i februari. Tillfällig "
                    "lösning är att hans tjänst utförs av Henrik Strömgren (Centrala "
                    "Östergötland) och Elsa Vikander (Gotland). De kommer även få visst "
                    "stöd av Birgitta Holm Sjödin (Skellefteå). Remisser, Nationellt "
                    "uppdrag om våldsförebyggande, BIP och Indikatorprojektet."
                ),
                "bilagor": "10",
                "beslut": [
                    "tacka Malin för en givande information och lägga den till handlingarna.",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 6,
                "rubrik": (
                    "Information av Sofia Lindqvist och Ingrid Mohed kring "
                    "Fontänhusrörelsen i Sverige."
                ),
                "text": (
                    "På ett fontänhus blir man medlem, man blir en del av "
                    "fontänhus-gemenskapen och delar därmed ansvaret för verksamheten "
                    "tillsammans med andra medlemmar och handledare. Alla "
                    "arbetsuppgifter behövs för att klubbhuset skall fungera, någon "
                    "måste sitta i receptionen för att välkomna folk och koppla "
                    "telefonsamtal, någon måste laga lunchen, någon måste renovera "
                    "fastigheten vid behov, någon måste föra in statistikuppgifter, "
                    "någon måste betala ut handledarnas löner. Detta gör att allt arbete "
                    "man utför i huset, stort som smått, bidrar till helheten och "
                    "uppskattas av alla dina kollegor. Här blir man hörd, sedd och "
                    "uppskattad oavsett om man så bara råkar komma in genom dörren. På "
                    "ett fontänhus är man saknad om man inte kommer på den tid man "
                    "avtalat. Då blir det en arbetsuppgift i huset att kontakta personen "
                    "i fråga för att kolla läget samt bjuda in personen att komma in och "
                    "delta i arbetsdagen. Detta kan ske med telefonsamtal, vykort eller "
                    "hembesök. Aktiv suicidprevention.\n\n"
                    "Meningen med ett fontänhus är att vara huset mittemellan. Dvs, "
                    "huset där man landar och återhämtar sig för att sedan återgå i "
                    "arbete eller studier om så önskas. Alla fontänhus arbetar aktivt "
                    "med att hitta vägar ut ur huset för sina medlemmar utifrån det som "
                    "passar individen, detta innebär dock inte att man inte kan använda "
                    "huset efter att man kommer ut, man har fortfarande kvar sin sociala "
                    "gemenskap och relationerna man byggt upp.\n\n"
                    "Verksamheten styrs av 37 internationella riktlinjer som är den "
                    "struktur vilken modellen vilar i och som alla är utformade för att "
                    "på bästa sätt ge förutsättningar för medlemmar att bygga upp sina "
                    "liv på ett hållbart sätt där det psykiska måendet inte definierar "
                    "livskvalitén.\n\n"
                    "Varje fontänhus går igenom en ackrediteringsprocess vart tredje år "
                    "för att få lov att kalla sig ett fontänhus. Fontänhusen genomgår "
                    "regelbunden revidering där man metodiskt och gemensamt gör en "
                    "självvärdering och får stöd att genomföra eventuella förändringar "
                    "vid behov av vårt internationella organ Clubhouse International. "
                    "Vill man själv som medlem bidra till denna process kan man utbilda "
                    "sig till ackrediterare och får möjlighet att ge support till "
                    "klubbhus runt om i världen. Nu finns det 300 Fontänhus i världen, "
                    "13 av dem finns i Sverige. Antalet ökar år för år, flera nya på "
                    "gång att starta under 2021, med finansiering från både "
                    "Folkhälsomyndigheten och socialstyrelsen. Finns inget hus norr om "
                    "Falun! Vill ni läsa mer finns info på följande länkar:\n\n"
                    "https://www.sverigesfontanhus.se/\n"
                    "https://www.sverigesfontanhus.se/riktlinjer/"
                ),
                "bilagor": "11",
                "beslut": [
                    (
                        "tacka Sofia och Ingrid för en givande information och lägga den "
                        "till handlingarna."
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 7,
                "rubrik": "Genomgång av Indikatorsenkäterna inför införandet av dessa",
                "text": (
                    "Styrelsen får en genomgång av det tänkta upplägget med "
                    "indikatorsenkäter, som kommer att delas ut till deltagare i våra "
                    "insatser, till styrelsen samt till personal och chefer i samverkan. "
                    "Från mitten av september till slutet av oktober kommer enkäterna "
                    "att fyllas i för att kunna rapporteras in till NNS i slutet av "
                    "november. De deltagare som avslutas under året kommer också att "
                    "erbjudas att fylla i en särskild avslutsenkät. Syftet med enkäterna "
                    "är att vi genom dessa utvärderingar ska få underlag till kommande "
                    "förbättringar."
                ),
                "bilagor": "2",
                "beslut": [
                    "lägga genomgång av indikatorer till handlingarna",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 8,
                "rubrik": "Genomgång av preliminärt budgetresultatet för 2021",
                "text": (
                    "Verkställande tjänsteman visar upp ett preliminärt resultat för "
                    "verksamhetsåret 2021. Det totala resultatet blir att förbundet gör "
                    "ett minusresultat på 288 000 kr för 2021. Styrelsearvodena blev "
                    "något högre än budgeterat detta då förbundet haft fler arbetsmöten "
                    "under 2021 än planerat. Detta då förbundet under 2021 arbetat med "
                    "att ta fram nya mål och mått för verksamheten inför 2022..\n\n"
                    "Administrations kostnader blev i stort sett som budgeterat. "
                    "Insatskostnaderna som var budgeterat till 6 343 000 kr landade på 6 "
                    "623 000 kr då förbundet under året bland annat givit bidrag till en "
                    "arbetsterapeutjänst och ytterligare an arbetskonsulenttjänst. "
                    "Styrelsen mål har varit att under året minska det egna kapitalet, "
                    "vilket man lyckats med. Prognosen för det egna kapitalet vid "
                    "utgången 2021 är 1 219 000 kr. Detta gör att förbundet inte "
                    "överstiger rekommendationer på storleken för det egna kapitalet."
                ),
                "bilagor": "3",
                "beslut": [
                    (
                        "lägga genomgången av preliminärt budgetresultatet för 2021 till "
                        "handlingarna."
                    ),
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 9,
                "rubrik": ("Innehåll till planeringsdag med strategigruppen den 25 februari 2022"),
                "text": (
                    "Styrelsen och strategigruppen har den 25 februari en halvdag "
                    "inplanerat tillsammans. Fokus på den dag bör vara vilka utmaningar "
                    "står Samordningsförbundet inför 2023 då vi vet med säkerhet att vi "
                    "inte kan fortsätta de insatser vi finansierar 2022 under 2023. "
                    "Finns det områden där vi bör vara en aktör framöver, viktigt att "
                    "lyfta att förbundet kan även fortsättningsvis vara en viktig "
                    "samverkansarena även om vi inte har möjlighet att vara finansiär. "
                    "Vilka utmaningar ser huvudmännen att man står inför 2023? Hur ska "
                    "vi arbeta vidare med BIP?"
                ),
                "bilagor": "",
                "beslut": [
                    "fortsätta diskussionen tillsammans med strategigruppen den 25 februari",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 10,
                "rubrik": "Uppföljning av insatserna i december 2021",
                "text": (
                    "Utvecklingsledaren och verkställande tjänsteman har träffar med de "
                    "insatser förbundet finansierar vid minst 2 gånger per termin för "
                    "att kunna följa utvecklingen i insatserna och för att vara ett stöd "
                    "för dessa. Styrelsen kommer efter dessa tillfällen få en genomgång "
                    "av alla insatserna för att på ett bättre sätt kunna följa "
                    "utvecklingen i insatserna."
                ),
                "bilagor": "4, 5, 6, 7, 8",
                "beslut": [
                    "lägga uppföljning av insatserna i december 2021 till handlingarna",
                ],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 11,
                "rubrik": "Kansliet informerar",
                "text": (
                    "### Mötet den 25/2, ändring av tid?\n\n"
                    "Styrelsemötet den 25 februari flyttas till kl.13.00 och kommer att "
                    "vara efter att styrelsen träffat strategigruppen.\n\n"
                    "### Finsam\n\n"
                    "Verkställande tjänsteman informerar om att det finns mycket "
                    "intressant läsning på Finsams hemsida. www.finsam.se\n\n"
                    "### NNS\n\n"
                    "Verkställande tjänsteman informerar om att det finns mycket "
                    "intressant läsning på NNS hemsida. http://nnsfinsam.se/\n\n"
                    "### Uppstartsmöte med insatserna den 19 januari.\n\n"
                    "Ordförande , verkställande tjänsteman och utvecklingsledaren hade "
                    "den 19 januari en uppstartsdag med insatserna Samordningsförbundet "
                    "finansierar under 2022.\n\n"
                    "Under förmiddagen fick vi alla en utbildning i Våga fråga. Linnea "
                    "Åström och Mikael Torsby som arbetar som utbildningssamordnare inom "
                    "suicidprevention höll i denna utbildning. Eftermiddagen hade vi "
                    "genomgång av de indikatorer som insatserna ska använda sig av under "
                    "2022. Syftet med enkäterna är att vi genom dessa utvärderingar ska "
                    "få underlag till kommande förbättringar.\n\n"
                    "### BIP möte den 14 januari.\n\n"
                    "Samverkansrådet beslutar att Helena Brandt, Eva Sidsjö, Moa "
                    "Lindgren & Maria Hallin skall ingå i projektgruppen. Oskar Granlo "
                    "utses till implementeringsansvarig.\n\n"
                    "Övriga medlemmar i Samverkansrådet kommer att kallas in till "
                    "projektmöten vid behov. Förslag på datum för en kick off är den 1 "
                    "april eller 8 april\n\n"
                    "Önskvärt att det ska ske under våren för att utbildningen i SKAPA "
                    "ska hinnas med under våren. Verkställande tjänsteman har kontaktat "
                    "NNS för att höra när i tid vid kan genomföra kick-off samt "
                    "utbildningen.\n\n"
                    "### Inriktningsbeslut från Region Västernorrland om "
                    "medelstildelning 2022.\n\n"
                    "Försäkringskassan har enligt protokoll FK2021/018785 beslutat om "
                    "statlig medelstildelning till Samordningsförbundet Sundsvall 3 689 "
                    "000 kr för 2022. Utifrån dessa förutsättningar avser Region "
                    "Västernorrlands fördela medlen för år 2022 enligt följande till "
                    "Samordningsförbundet Sundsvall 1 844 500 kronor. Regionens "
                    "inriktningsbeslut gäller under förutsättning att kommunen går in "
                    "med sina andelar enligt fördelningsmodellen och att statliga medel "
                    "tilldelas enligt protokoll FK2021/018785.\n\n"
                    "### Covid 19\n\n"
                    "Samordningsförbundet Sundsvall följer de riktlinjer som gäller "
                    "kring den pågående pandemin"
                ),
                "bilagor": "9",
                "beslut": [],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 12,
                "rubrik": "Inbjudningar",
                "text": (
                    "### Info kring Finsamkonferens den 5 och 6 april 2022 i Halmstad.\n\n"
                    "Utifrån situationen vi befinner oss i med ökad smittspridning och "
                    "restriktioner så genomförs årets konferens digitalt.\n\n"
                    "Konferensen kommer att genomförs den 5-6 april under två halvdagar, "
                    "den 5 april på eftermiddagen och den 6 april på förmiddagen.\n\n"
                    "Spara datumen i din kalender! Mer information om anmälan och "
                    "program kommer inom kort."
                ),
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 13,
                "rubrik": "Utbildningar",
                "text": "Inga relevanta utbildningar",
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "",
            },
            {
                "nummer": 14,
                "rubrik": "Övriga frågor",
                "text": (
                    "Ordförande frågar hur arbetet med att bjuda in riksdagsledamöterna "
                    "från Västernorrland till mötet den 29 april går?\n\n"
                    "Inbjudan till mötet skall tas fram den 26 januari när tjänstemännen "
                    "i länet har sin nästa träff."
                ),
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "ovriga",
            },
            {
                "nummer": 15,
                "rubrik": "Sammanträdet avslutas",
                "text": (
                    "Ordförande önskar alla en trevlig helg och förklarar sammanträdet avslutat."
                ),
                "bilagor": "",
                "beslut": [],
                "jav": [],
                "standard": "avslutning",
            },
        ],
    },
]

MINNESANTECKNINGAR = [
    {
        "organ": "Utvecklingsrådet",
        "datum": "2021-04-21",
        "tid": "09:00-12:00",
        "plats": "Teams",
        "narvarande": [
            {
                "namn": "Pia Söderholm",
                "beskrivning": "Försäkringskassan",
            },
            {
                "namn": "Agneta Rosvall",
                "beskrivning": "Sala kommun",
            },
            {
                "namn": "Cecilia Hagström",
                "beskrivning": "Region Västmanland",
            },
            {
                "namn": "Louise Berglind",
                "beskrivning": "Hallstahammars kommun",
            },
            {
                "namn": "Göran Lilja",
                "beskrivning": "Surahammars kommun",
            },
            {
                "namn": "Elin Forsberg",
                "beskrivning": "Region Västmanland",
            },
            {
                "namn": "Katarina Blom",
                "beskrivning": "Norbergs kommun",
            },
            {
                "namn": "Monika Lindh",
                "beskrivning": "Skinnskattebergs kommun",
            },
            {
                "namn": "Åsa Grenholm",
                "beskrivning": "Norra Västmanlands Samordningsförbund",
            },
        ],
        "gaster": [
            {
                "namn": "Sofie Engström",
                "beskrivning": "Region Västmanland",
            },
            {
                "namn": "Hedvig Tegnér",
                "beskrivning": "SIP-koordinator, Hallstahammar Surahammar",
            },
            {
                "namn": "Marie-Louise Frost",
                "beskrivning": "SIP-koordinator Sala",
            },
            {
                "namn": "Petra Wahlund",
                "beskrivning": "SIP-koordinator Norberg Fagersta Skinnskatteberg",
            },
            {
                "namn": "Veronica Strand",
                "beskrivning": "Hjärnkoll",
            },
            {
                "namn": "Ida Morén",
                "beskrivning": "NSPH-V",
            },
            {
                "namn": "Kerstin Ahlgren",
                "beskrivning": "Studieförbundet Vuxenskolan",
            },
        ],
        "avsnitt": [
            {
                "rubrik": (
                    "SIP-projektet – Vilka lärdomar har hittills gjorts och vad är på gång framåt"
                ),
                "text": (
                    "Hedvig Tegnér, Petra Wahlund och Marie-Louise Frost berättade om "
                    "SIP-projektet. Projektet syftar till förbättrad Samordnad "
                    "Individuell Plan (SIP) för personer med psykisk ohälsa och ska "
                    "stärka brukarens delaktighet, stärka samverkan, ökad andel SIP med "
                    "kvalitet, utforma arbetsprocesser och implementera SIP. Det finns 9 "
                    "SIP-koordinatorer i projektet.\n\n"
                    "En kartläggning och analys är gjord under projektet första del, och "
                    "följande har uppmärksammats:\n\n"
                    "- Brister i kunskap både gällande SIP samt IT-verktyget Cosmic Link\n"
                    "- Brister i kunskap om varandras verksamhet\n"
                    "- Styrande dokument kring SIP i Västmanland ej tillräckligt kända\n"
                    "- Har skapat egna kulturer och föreställningar i de olika "
                    "verksamheterna om SIP som delvis inneburit att SIP inte prioriterats.\n\n"
                    "Aktiviteter i projektet:\n\n"
                    "- Information till verksamheter och medborgare\n"
                    "- Utbildningar till medarbetare\n"
                    "- Översyn/revidering av styrande samverkansdokument\n"
                    "- Implementering av dokument och rutiner\n"
                    "- Stöd till medarbetarna kontinuerligt under projektiden\n"
                    "- Skapa hållbara strukturer och lokala nätverk som håller över tid\n\n"
                    "Projektet pågår till 2021-12-31.\n\n"
                    "SIP-koordinatorernas bildspel bifogas anteckningarna."
                ),
            },
            {
                "rubrik": "Förstudien om förutsättningar för Fontänhus i Västmanland",
                "text": (
                    "Kerstin Ahlgren, Studieförbundet Vuxenskolan, har på uppdrag av "
                    "Samordningsförbunden i Västmanland, fått uppdraget att genomföra en "
                    "förstudie om förutsättningar för Fontänhus i Västmanland.\n\n"
                    "Fontänhusmodellen är en psykosocial arbetsinriktad rehabilitering "
                    "som stödjer människor som lever med psykisk ohälsa på vägen till "
                    "återhämtning. Grundtanken är att ta tillvara och utveckla "
                    "människors friska sidor genom arbete och gemenskap. Medlemmarna "
                    "deltar frivilligt i verksamheten och bidrar efter förmåga för att "
                    "bryta isolering, strukturera sin dag, arbeta med meningsfulla "
                    "uppgifter, ingå i en gemenskap och stärka sin självkänsla.\n\n"
                    "Syftet med förstudien i Västmanland är att sprida information om "
                    "Fontänhusmodellen samt att ta reda på om det finns förutsättningar "
                    "för Fontänhus i länet (målgrupper, intresse, finansiering, möjlig "
                    "lokalisering etc). Kerstin Ahlgren kommer under våren ta kontakt "
                    "med brukarorganisationer, länets kommuner samt Region Västmanland "
                    "för insamling av information och synpunkter. Förstudien pågår under "
                    "perioden 2021-03-01 – 2021-08-31. Rapport kommer under september 2021."
                ),
            },
            {
                "rubrik": ("Grundläggande hälsoinformation för nyanlända – medarbetarutbildning"),
                "text": (
                    "Sofie Engström, Region Västmanland, informerade om kommande steg i "
                    "projekt Hälsoinsatser för nyanlända. Syftet med projektet är att "
                    "bidra till målet om en god och jämlik hälsa genom att bland annat "
                    "ta fram en hållbar struktur för hur regionens verksamheter kan möta "
                    "behovet av hälsoinformation för nyanlända.\n\n"
                    "Region Västmanland och NVSam kommer under hösten 2021 erbjuda en "
                    "utbildning för medarbetare hos förbundets medlemmar. NVSam har "
                    "tidigare i vår gjort en intresseinventering hos förbundsmedlemmarna "
                    "som visat att intresset är stort. Ca 40-50 personer kan vara "
                    "aktuella att delta i utbildningen.\n\n"
                    "Vid en halvdags digital utbildning kommer Hälsocenter Köping ge "
                    "information om hur utbildningsdeltagarna kan ge kort och basal "
                    "hälsoinformation och ett kvalitetssäkrat material (bildspel) med "
                    "talarmanus kommer finnas tillgängligt. Datum för utbildningen är "
                    'ännu inte bestämt, men det kommer en "save the date" under maj månad.'
                ),
            },
            {
                "rubrik": "Idén om en gemensam analysgrupp – vad har hänt sedan sist?",
                "text": (
                    "Utvecklingsrådet har tidigare diskuterat idén med någon form av "
                    "förbundsgemensam analysgrupp som tillsammans kan analysera data om "
                    "hur utanförskapet ser ut i olika delar av förbundet, och med syfte "
                    "att öka kunskapen om var förbundets insatser bäst behövs. "
                    "Utvecklingsrådets förslag var då att ett sådant arbete med fördel "
                    "kan ske länsgemensamt.\n\n"
                    "Samordningsförbunden i Västmanland har träffat statistiker Viktor "
                    "Haglund och Rasmus Eklöf, Region Västmanland, för samtal om vilka "
                    "statistikuppgifter som kan vara intressanta att följa och "
                    "partsgemensamt analysera, samt vilket forum som kan vara lämpligt "
                    "att bearbeta och analysera fakta.\n\n"
                    "De statistikuppgifter som vi hittills har identifierat som kan vara "
                    "intressanta att använda och följa över tid är helårsekvivalenter "
                    "per kommun och könsuppdelat:\n\n"
                    "- Sjukpenning\n"
                    "- Sjuk- och aktivitetsersättning\n"
                    "- Arbetslöshet\n"
                    "- Etableringsersättning\n"
                    "- Ekonomiskt bistånd\n\n"
                    "Förbunden i Västmanland har också varit i kontakt med SCB och "
                    "Statisticon för att undersöka hur vi på ett enkelt sätt kan få ta "
                    'del av relevant "statistik-paket".\n\n'
                    "Utvecklingsrådet kommer under hösten få möjlighet att komma med "
                    "input i detta utvecklingsarbete."
                ),
            },
            {
                "rubrik": (
                    "Jämställdhet – hur kan vi utveckla jämställdhetsarbetet i "
                    "samordningsförbundet insatser?"
                ),
                "text": (
                    "Åsa presenterade delar av uppföljningen av de fyra "
                    "samordningsteamens insatser (norra länet) avseende könsuppdelad "
                    "statistik för 2020.\n\n"
                    "Uppföljningen visar att fler kvinnor än män remitteras till "
                    "insatserna. Andelen män som remitteras till Samordningsteamerna har "
                    "kortade tid med offentlig försörjning före insatsen än andelen "
                    "kvinnor. Det är också stora könsskillnader i avseende vilken "
                    "försörjningskälla som män respektive kvinnor har före insatsen. "
                    "Större andel kvinnor har ersättning från sjukförsäkringen och "
                    "större andel män har ekonomiskt bistånd. Det är också relativt "
                    "stora könsskillnader avseende vad deltagarna går vidare till efter "
                    "insatsen. Större andel män går till arbete eller studier, medan en "
                    "större andel av kvinnorna fortsätter i andra aktiva "
                    "arbetslivsinriktade insatser.\n\n"
                    "Dessa skillnader genererar förstås frågor och det är intressant att "
                    "analysera och fundera över vad de beror på. Utvecklingsrådet "
                    "diskuterade hur detta kan ske och vi enas om att lyfta frågan med "
                    "insatsernas personal och styrgrupper men också med de handläggare "
                    "som remitterar deltagare.\n\n"
                    "Bildspelet som visades bifogas."
                ),
            },
            {
                "rubrik": "Tillsammanveckan 2021",
                "text": (
                    "Veronica Strand, Hjärnkoll, och Ida Morén, NVSP-V, informerade om "
                    "planeringen av Tillsammansveckan 2021.\n\n"
                    "Tillsammansveckan startade under ett Arvsfondsprojekt - "
                    '"Tillsammans – för psykisk hälsa"- 2016 – 2019, och har anordnats '
                    "under en vecka i mars under projektets tre år. Det är en "
                    "uppmärksamhetsvecka kring psykisk hälsa och syftet är:\n\n"
                    "- Att öka kunskapen, acceptansen och förståelse för psykisk hälsa.\n"
                    "- Att förebygga ohälsa genom att stärka riskgrupper och riskmiljöer\n"
                    "- Att minska stigmatiseringen och öppna upp för samtal.\n"
                    "- Att uppmärksamma att vi alla har en psykisk hälsa att ta hand om.\n\n"
                    "En arbetsgrupp med personer från Studieförbundet Vuxenskolan, "
                    "Attention, Balans, NVSP-V, Hjärnkoll och Anhörigcentrum har arbetat "
                    "fram ett förslag till program/aktiviteter.\n\n"
                    "Tillsammanveckan 2021 kommer ske digitalt 10 – 14 oktober 2021, och "
                    "kommer bestå av livesändningar och inspelning av föreläsare, "
                    "brukarorganisationer, samarbetspartners och andra aktörer som "
                    "arbetar för bättre psykisk hälsa. Målgruppen är allmänheten med "
                    "fokus på unga, personal inom vård och omsorg samt till personer med "
                    "egen erfarenhet av psykisk ohälsa och deras anhöriga.\n\n"
                    "Preliminärbokade föreläsare är:\n\n"
                    "- Amanda Berglund – Hemmasittare, npf, relationer hem/skola\n"
                    "- Ylva Damberg – Kriminolog -Våld i nära relationer, machokultur\n"
                    '- Anton Wiklander – "Skolgårdsläraren" - Skolan och rastverksamhet, '
                    "normer/inkludering\n"
                    "- Rebecka Falk – Högekänslighet, oro, narcissism med mera\n"
                    "- Britt-Marie Sjöberg – Psykiatriker/suicidforskare - Kris i en "
                    "föränderlig tid, suicid\n"
                    "- Matilda Rosén – Präst -HBTQ+ och psykisk ohälsa\n"
                    "- Joakim Lindblad – Hjärnkollsambassadör, ANDT, depression, "
                    "kriminalitet – vägen ut\n\n"
                    "För att Tillsammansveckan ska kunna genomföras behövs finansiering "
                    "med ca 200 000 kr, och finansiering söks från flera olika håll. Åsa "
                    "kommer föreslå styrelsen för NVSam att förbundet ska vara med och "
                    "delfinansiera. Utvecklingsrådet stödjer förslaget.\n\n"
                    "Veronicas och Idas bildspel bifogas."
                ),
            },
            {
                "rubrik": "Spännande forskningsresultat från Danmark – BIP och Vaeksthuset",
                "text": (
                    "Vaeksthusets forskningscenter i Danmark har genomfört en studie "
                    "(BIP - Beskæftigelses Indikator Projektet - på svenska "
                    "Sysselsättnings indikator projektet) med 4 000 arbetslösa individer "
                    "- via registerstudier och skattningar från 27 000 individer och "
                    "handläggare. Forskningen har bland annat visat vilka faktorer som "
                    "är avgörande för en individs stegförflyttning mot arbete och "
                    "studier, och identifierat vilka insatser som ökar sannolikheten för "
                    "arbetslösa personer att komma i jobb.\n\n"
                    "Några av de viktigaste resultaten är att:\n\n"
                    "- Människor i utsatta situationer som inte erbjuds insatser stannar "
                    "inte bara upp i utvecklingen mot arbetsmarknaden – utan går bakåt!\n"
                    "- Progression mot arbetsmarknaden går snabbast om jobb fokuserade "
                    "insatser kombineras med kompetenshöjande, sociala och/eller "
                    "hälsorelaterad insatser.\n"
                    "- Det finns ett mycket tydligt orsakssamband mellan handläggarens "
                    "tro på individens jobbchans och om de faktiskt kommer ut i jobb.\n\n"
                    "Samordningsförbundet i Halland har, utifrån Vaeksthusets forskning, "
                    'tagit fram en svensk version av "Progressionskort" (SKAPA) för att '
                    "mäta individers stegförflyttning. Många Samordningsförbund i landet "
                    "har börjat intresserat sig för hur den danska studien och SKAPA kan "
                    "vara användbart i samordnad rehabilitering.\n\n"
                    "Utvecklingsrådet har ett önskemål om att NVSam arrangerar en "
                    "workshop med Vaeksthuset för att få mer information om "
                    "forskningsresultaten.\n\n"
                    "Bildspelet som visades bifogas."
                ),
            },
        ],
        "nasta_mote": "9 juni 9-12, via Teams.",
    },
]
