"""Word lists the extractive engine reads: countries (with demonyms and capitals as aliases),
well-known organizations and groups, cue words for organizations, titles and common words."""

from __future__ import annotations

from dataclasses import dataclass

import pycountry

from api.schemas import ActorType

# name | aliases (abbreviations, other names, capitals, demonyms)
_COUNTRIES = """
United States|US;U.S.;USA;U.S.A.;America;Washington;American;Americans
United Kingdom|UK;U.K.;Britain;Great Britain;London;British
South Korea|Republic of Korea;ROK;Seoul;South Korean;South Koreans
North Korea|DPRK;Pyongyang;North Korean;North Koreans
China|People's Republic of China;PRC;Beijing;Chinese
Russia|Russian Federation;Moscow;Russian;Russians
Soviet Union|USSR;U.S.S.R.;Soviets
Ukraine|Kyiv;Kiev;Ukrainian;Ukrainians
Japan|Tokyo;Japanese
Taiwan|Taipei;Taiwanese
France|Paris;French
Germany|Berlin;German;Germans
Italy|Rome;Italian;Italians
Spain|Madrid;Spanish
Portugal|Lisbon;Portuguese
Netherlands|Holland;Amsterdam;The Hague;Dutch
Belgium|Belgian
Ireland|Dublin;Irish
Norway|Oslo;Norwegian
Sweden|Stockholm;Swedish
Finland|Helsinki;Finnish
Denmark|Copenhagen;Danish
Poland|Warsaw;Polish
Hungary|Budapest;Hungarian
Austria|Vienna;Austrian
Switzerland|Swiss;Bern
Greece|Athens;Greek
Turkey|Turkiye;Türkiye;Ankara;Turkish
Albania|Tirana;Albanian
Serbia|Belgrade;Serbian
Romania|Bucharest;Romanian
Bulgaria|Sofia;Bulgarian
Czech Republic|Czechia;Prague;Czech
Belarus|Minsk;Belarusian
Moldova|Chisinau;Moldovan
Georgia|Tbilisi;Georgian
Armenia|Yerevan;Armenian
Azerbaijan|Baku;Azerbaijani
Kazakhstan|Astana;Kazakh
Iran|Tehran;Iranian;Iranians;Islamic Republic
Iraq|Baghdad;Iraqi;Iraqis
Syria|Damascus;Syrian;Syrians
Lebanon|Beirut;Lebanese
Israel|Israeli;Israelis
Palestine|Palestinian territories;Palestinian;Palestinians
Jordan|Amman;Jordanian
Egypt|Cairo;Egyptian
Saudi Arabia|Riyadh;Saudi;Saudis
Yemen|Sanaa;Yemeni
Qatar|Doha;Qatari
United Arab Emirates|UAE;Abu Dhabi;Emirati
Kuwait|Kuwaiti
Oman|Muscat;Omani
Afghanistan|Kabul;Afghan
Pakistan|Islamabad;Pakistani
India|New Delhi;Indian
Bangladesh|Dhaka;Bangladeshi
Sri Lanka|Colombo;Sri Lankan
Nepal|Kathmandu;Nepali
Myanmar|Burma;Naypyidaw;Burmese
Thailand|Bangkok;Thai
Vietnam|Hanoi;Vietnamese
Cambodia|Phnom Penh;Cambodian
Malaysia|Kuala Lumpur;Malaysian
Singapore|Singaporean
Indonesia|Jakarta;Indonesian
Philippines|Manila;Filipino;Philippine
Australia|Canberra;Australian;Australians
New Zealand|Wellington;New Zealander
Canada|Ottawa;Canadian;Canadians
Mexico|Mexico City;Mexican;Mexicans
Brazil|Brasilia;Brazilian
Argentina|Buenos Aires;Argentine;Argentinian
Chile|Santiago;Chilean
Colombia|Bogota;Colombian
Peru|Lima;Peruvian
Venezuela|Caracas;Venezuelan
Cuba|Havana;Cuban
Haiti|Port-au-Prince;Haitian
Nigeria|Abuja;Nigerian
South Africa|Pretoria;South African
Kenya|Nairobi;Kenyan
Ethiopia|Addis Ababa;Ethiopian
Somalia|Mogadishu;Somali
Sudan|Khartoum;Sudanese
South Sudan|Juba;South Sudanese
Libya|Tripoli;Libyan
Tunisia|Tunis;Tunisian
Algeria|Algiers;Algerian
Morocco|Rabat;Moroccan
Ghana|Accra;Ghanaian
Mali|Bamako;Malian
Niger|Niamey;Nigerien
Congo|Kinshasa;Congolese
Rwanda|Kigali;Rwandan
Uganda|Kampala;Ugandan
Zimbabwe|Harare;Zimbabwean
Estonia|Tallinn;Estonian
Latvia|Riga;Latvian
Lithuania|Vilnius;Lithuanian
"""

# name | type | aliases
_ORGANIZATIONS = """
United Nations|organization|UN;U.N.
European Union|organization|EU;E.U.
NATO|organization|North Atlantic Treaty Organization
International Atomic Energy Agency|organization|IAEA
International Monetary Fund|organization|IMF
World Health Organization|organization|WHO
World Bank|organization|
OPEC|organization|Organization of the Petroleum Exporting Countries
ASEAN|organization|Association of Southeast Asian Nations
African Union|organization|AU
Red Cross|organization|ICRC;International Committee of the Red Cross
Pentagon|organization|
Kremlin|organization|
White House|organization|
House of Representatives|organization|
House of Commons|organization|
House of Lords|organization|
Reuters|organization|
Associated Press|organization|AP
Democratic Party|organization|Democrats;Democratic party
Republican Party|organization|Republicans;GOP;Republican party
Hamas|group|
Islamic Jihad|group|
Hezbollah|group|
Taliban|group|
Houthis|group|Houthi
Islamic State|group|ISIS;ISIL
al-Qaeda|group|al Qaeda;Al Qaeda
Wagner Group|group|Wagner
"""


# Parties are named in passing far more often than they act ("a Republican-controlled
# Congress"): named once, they are actors only when they take a stance.
PARTIES = frozenset({"Democratic Party", "Republican Party"})


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the engine knows by name, with the other names it goes by."""

    name: str
    type: ActorType
    aliases: tuple[str, ...]


def _parse_countries() -> list[KnownActor]:
    known = []
    for line in _COUNTRIES.strip().splitlines():
        name, aliases = line.split("|")
        known.append(KnownActor(name, ActorType.COUNTRY, tuple(a for a in aliases.split(";") if a)))
    return known


# ISO 3166 names that are more often something else in news copy: a first name ("Chad"), a
# part of a US state's name ("New Jersey"), a word ("Man", "Guinea" in "Papua New Guinea").
_NOT_COUNTRY_NAMES = frozenset({"Chad", "Jersey", "Guernsey", "Isle of Man", "Guinea", "Dominica"})


# The names the news uses for a few countries whose ISO 3166 name is formal or inverted.
_NEWS_NAMES = {
    "Brunei Darussalam": "Brunei",
    "Côte d'Ivoire": "Ivory Coast",
    "Cabo Verde": "Cape Verde",
    "Timor-Leste": "East Timor",
    "Macao": "Macau",
    "Holy See (Vatican City State)": "Vatican",
    "Micronesia, Federated States of": "Micronesia",
    "Congo, The Democratic Republic of the": "Democratic Republic of Congo",
    "Falkland Islands (Malvinas)": "Falkland Islands",
    "Virgin Islands, British": "British Virgin Islands",
    "Virgin Islands, U.S.": "U.S. Virgin Islands",
}


def _iso_countries(listed: list[KnownActor]) -> list[KnownActor]:
    """Every other country and territory of ISO 3166 (pycountry), by the name the news gives
    it, with its ISO name as an alias: the list above carries capitals and demonyms for the
    ones the news names most."""
    known = {name for actor in listed for name in (actor.name, *actor.aliases)}
    extra = []
    for country in pycountry.countries:
        iso_name = getattr(country, "common_name", None) or country.name
        name = _NEWS_NAMES.get(iso_name, iso_name)
        if "," in name or "(" in name or name in known or name in _NOT_COUNTRY_NAMES:
            continue
        aliases: tuple[str, ...] = (iso_name,) if iso_name != name else ()
        if name.endswith(" Islands") and " " not in name.removesuffix(" Islands"):
            aliases += (name.removesuffix(" Islands") + "s",)  # "the Solomons", "the Caymans"
        extra.append(KnownActor(name, ActorType.COUNTRY, aliases))
    return extra


def _parse_organizations() -> list[KnownActor]:
    known = []
    for line in _ORGANIZATIONS.strip().splitlines():
        name, kind, aliases = line.split("|")
        known.append(KnownActor(name, ActorType(kind), tuple(a for a in aliases.split(";") if a)))
    return known


_LISTED_COUNTRIES = _parse_countries()
KNOWN_ACTORS: tuple[KnownActor, ...] = (
    *_LISTED_COUNTRIES,
    *_iso_countries(_LISTED_COUNTRIES),
    *_parse_organizations(),
)

# The fifty states of the US (pycountry's ISO 3166-2 subdivisions): never a person's name,
# though a two-word one reads like one ("South Carolina", "New Mexico").
US_STATES = frozenset(
    state.name
    for state in pycountry.subdivisions
    if state.country_code == "US" and state.type == "State"
)

# Courtesy titles before a surname, written with or without a stop ("Mr. Porter", "Messrs. Cray
# and Barnum"); ``honorific_pattern`` matches one in a regular expression.
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Messrs", "Mmes"})
# The same as words of a text, with their stop or without ("Mr", "Mr.").
HONORIFIC_WORDS = HONORIFICS | {f"{title}." for title in HONORIFICS}


def honorific_pattern(*more: str) -> str:
    """A regular expression for an honorific (and ``more`` titles), its stop optional."""
    return rf"(?:{'|'.join(sorted(HONORIFICS | set(more)))})\.?"


# Words that make a capitalized phrase an organization ("Security Council", "Workers' Party").
ORG_CUES = frozenset(
    (
        "Council Ministry Party Agency Committee Commission Department Office Bank Union Court "
        "Parliament Congress Senate Assembly Army Navy Forces Force Guard Guards Corps Command "
        "Staff Organization Organisation Association Institute University College School "
        "Company Corporation Corp Inc Ltd Group Fund Authority Police Service Services "
        "Administration Federation League Cabinet Government Bureau Foundation Board Agency "
        "Network Times Post News Press Airlines Airways Exchange Chamber Tribunal Secretariat "
        "Mission Embassy Consulate Coalition Alliance Movement Front Brigade Brigades Militia "
        "Council Hospital Clinic Church Diocese Ministries Institution Institute Society Trust "
        "Club Team Airline Councils Commissions Industries Holdings Panel System Systems "
        "Utilities Institutes Academy Studies Survey Observatory "
        # units, offices and the words that end company names ("82nd Airborne Division",
        # "102nd Rescue Squadron", "Seagate Technology", "Trump Productions")
        "Division Squadron Regiment Battalion Technology Technologies "
        "Communications Entertainment Productions Enterprises Pharmaceuticals Laboratories Labs "
        "Studios Publishing Partners Associates Bancorp Caucus"
    ).split()
)
# Words that end a body's name but not a place's or a person's, and only as its last word:
# "Amnesty International" but "Gaza International Airport", "Writers Guild", "Forbes Magazine".
ORG_ENDINGS = frozenset({"International", "Guild", "Magazine", "Financial"})
# A legislature is named by its one word in its own country's news ("Congress passed the law",
# "the Senate voted"): an actor even where no longer name ("U.S. Congress") is there to join.
LEGISLATURES = frozenset({"Congress", "Senate", "Parliament"})
# The words that end a company's legal name; as tokens they keep their stop ("Lorillard Inc.").
COMPANY_SUFFIXES = frozenset(
    "Inc Inc. Corp Corp. Co Co. Cos. Ltd Ltd. PLC Plc LLC SpA S.p.A. GmbH NV N.V. BV Oyj ASA "
    "KGaA Bhd Pty".split()
)
ORG_CUES |= COMPANY_SUFFIXES
# News outlets: a brief's sources, not actors of the story, unless the story is about them.
MEDIA_NAMES = frozenset({"Reuters", "Associated Press", "AFP", "BBC", "CNN", "Al Jazeera"})
MEDIA_CUES = frozenset(
    "Press News Times Post Herald Telegraph Gazette Tribune Journal Radio Television TV "
    "Broadcasting Channel Observer Chronicle Examiner Inquirer Courier Poll".split()
)
GROUP_CUES = frozenset({"Movement", "Front", "Brigade", "Brigades", "Militia", "Rebels"})

# Words that make a capitalized phrase a place, not an actor ("Yellow Sea", "Gaza Strip").
PLACE_CUES = frozenset(
    (
        "Sea Ocean River Lake Island Islands Mountain Mountains Street Square Province City "
        "County Strait Peninsula Bay Gulf Valley Desert Airport Port Border Line Zone Region "
        "District Coast Avenue Road Bridge Park Hill Hills Base Camp Tower Towers Centre "
        "Center Highway Dam Heights Cove Gully Cape Basin Beach Creek Forest Act Trophy Race "
        "Cup Summit Place Strip Swamp Plaza Lane Terrace Parade Mall Wharf Harbour Harbor "
        "Reserve Range Ridge Falls Gardens Station Township Suburb Oval Stadium Arena Ground "
        "Grounds Racecourse Speedway Circuit Velodrome Showground "
        # events, laws and eras are no more actors than places are ("the Korean War", "the
        # Second Amendment", "the Great Recession", "Happy Thanksgiving")
        "War Wars Amendment Amendments Accord Accords Treaty Recession Depression Perimeter "
        "Conference Olympics Championship Championships Tournament Festival Thanksgiving "
        "Christmas "
        # tests and prizes are things ("the Scholastic Aptitude Test", "the Nobel Prize")
        "Test Tests Prize Prizes Award Awards "
        # and so are plans, rules, days, hotels and races ("the Mitchell Plan", "the Mercury
        # and Air Toxics Standards", "Election Day", "the Plaza Hotel", "the Boston Marathon")
        "Plan Plans Memorandum Doctrine Standard Standards Program Programme Day Hotel "
        "Marathon "
        # and so are springs and keys ("Colorado Springs", "the Florida Keys")
        "Springs Keys"
    ).split()
)
# Regions and territories: settings, never actors ("the West Bank", "UN Middle East envoy").
REGIONS = frozenset(
    {
        "Middle East", "Near East", "Far East", "West Bank", "Gaza", "Gaza Strip",
        "Golan Heights", "East Jerusalem", "Asia", "Europe", "Africa", "Oceania", "Antarctica",
        "Arctic", "Pacific", "Atlantic", "Caribbean", "Mediterranean", "Balkans", "Caucasus",
        "Scandinavia", "Latin America", "South America", "North America", "Central America",
        "South Asia", "Southeast Asia", "South-East Asia", "East Asia", "Central Asia",
        "Asia Pacific", "Asia-Pacific", "Horn of Africa", "Sub-Saharan Africa", "North Africa",
        "West Africa", "East Africa", "Southern Africa", "Persian Gulf", "Gulf", "Kashmir",
        "Kurdistan", "Tibet", "Xinjiang", "Chechnya", "Crimea", "Donbas", "Darfur", "Sahel",
        "Western Sahara", "Sinai", "Punjab", "Eastern Europe", "Western Europe",
        "Midwest", "Upper Midwest", "Northeast", "Southeast", "Southwest", "Northwest",
        "Pacific Northwest", "New England", "Great Lakes", "Great Plains", "Appalachia",
        "Deep South", "Sun Belt", "Rust Belt",
    }
)  # fmt: skip
# Words that start a place name ("Mount Kembla", "Lake Eyre").
PLACE_PREFIXES = frozenset(
    {"Mount", "Mt", "Mt.", "Lake", "Cape", "Port", "Fort", "Old", "New", "St", "St.", "Saint"}
    | {"River", "Camp"}  # "the River Danube", "Camp Pendleton"
    | {"San", "Santa", "Los", "Las"}  # "a San Francisco law firm"
)
# Endings of the adjectives of peoples and places ("African", "Japanese", "Spanish"); what a
# demonym of a country's own name may end in adds "Israeli", "Swiss", "French", "Arabic".
DEMONYM_ENDINGS = ("an", "ese", "ish")
COUNTRY_ADJECTIVE_ENDINGS = (*DEMONYM_ENDINGS, "i", "ss", "ch", "ic")
# The adjectives of the countries known by name ("American", "Palestinian", "Chinese"): a
# country's alias with a demonym's ending that shares its first four letters with another of the
# country's names ("America", "Britain"), which a capital does not ("Tehran", "Taipei").
DEMONYMS = frozenset(
    alias
    for actor in KNOWN_ACTORS
    if actor.type is ActorType.COUNTRY
    for alias in actor.aliases
    if alias.endswith(COUNTRY_ADJECTIVE_ENDINGS)
    and any(alias[:4] == other[:4] for other in (actor.name, *actor.aliases) if other != alias)
)

# Compass words before a country's name make a region of it ("South Australia", "Western
# Australia"), not the country.
COMPASS_WORDS = frozenset(
    "North South East West Northern Southern Eastern Western Central Upper Lower".split()
)
# Lowercase nouns after a capitalized name that make it a place or an institution, not a person
# ("the Tora Bora area", "a Toowoomba Anglican school").
PLACE_NOUNS = frozenset(
    (
        "area region mountain mountains complex district province valley township suburb "
        "suburbs school college campus hospital church airport border coast range river island "
        "camp base road street highway region's area's"
    ).split()
)

# Titles before a person's name ("US Defense Secretary Lloyd Austin", "Gen. Park").
TITLES = (
    frozenset(
        (
            "President Vice Prime Minister Secretary Chancellor Governor Senator Sen Sen. "
            "Representative Rep Rep. Gov Gov. General Gen Gen. Admiral Adm Adm. Colonel Col Col. "
            "Lieutenant Lt Lt. Major Maj Maj. Captain Capt Capt. Sergeant Sgt Commander Ambassador "
            "Envoy Director Chairman Chairwoman Chair Chief Executive Spokesman Spokeswoman "
            "Spokesperson King Queen Prince Princess Pope Mayor Judge Magistrate Justice Speaker "
            "Premier Commissioner Deputy Leader Officer Sheikh Emir "
            "President-elect CEO Chairperson Lawmaker Attorney Cardinal Bishop Rabbi Imam "
            "Ayatollah Marshal Field Head Foreign Defense Defence Interior Finance Inspector "
            "Superintendent Constable Detective Sheriff Professor Prof Prof. Reverend Rev Rev. "
            "Archbishop Coroner Treasurer Councillor Alderman Senior Acting Assistant Republican "
            "Democrat MP MPs MLA MLC MEP MHR Congressman Congresswoman Assemblyman Assemblywoman "
            "Councilman Councilwoman VP"
        ).split()
    )
    | HONORIFIC_WORDS
)
# Words that can only be a title's head, so what follows them is the name.
TITLE_HEADS = TITLES - {
    "Vice", "Deputy", "Foreign", "Defense", "Defence", "Interior", "Finance", "Senior", "Acting",
    "Assistant",
}  # fmt: skip
# Complements that belong to a title ("Secretary of State", "Minister of Foreign Affairs").
TITLE_COMPLEMENTS = frozenset(
    (
        "State Defense Defence Foreign Affairs Finance Health Justice Interior Commerce Energy "
        "Staff Trade Education Agriculture Labor Labour Transport Treasury Homeland Security "
        "the"
    ).split()
)
LOWERCASE_TITLES = frozenset(
    (
        "president minister secretary spokesman spokeswoman spokesperson chief leader director "
        "chairman ambassador envoy general commander governor senator official adviser advisor "
        "premier mayor head lawmaker"
    ).split()
)

# People's work, which opens a sentence capitalized before their name ("Farmer Chad Smith said",
# "Analyst Trip Chowdhry said"). Farmer is a surname too: only a word before a full name of two
# words or more is taken for work.
OCCUPATIONS = frozenset(
    (
        "farmer analyst economist lawyer attorney teacher nurse professor researcher scientist "
        "student author writer novelist singer actor actress artist coach player manager owner "
        "founder resident worker engineer historian consultant investor banker broker trader "
        "critic expert pastor activist organizer protester survivor witness victim veteran "
        "spokesman spokeswoman spokesperson columnist reporter journalist photographer "
        "strategist pollster biologist physicist chemist architect designer developer "
        "entrepreneur executive cartoonist comedian filmmaker director producer publisher "
        "editor chef doctor surgeon pilot firefighter officer sheriff"
    ).split()
)

# The calendar, spelled once: day names, month names in order, and the abbreviations news copy
# writes for months ("Jan. 5", "Sept. 11"); ``MONTH_PATTERN`` reads a month in a regular
# expression, a full name or an abbreviation with its stop.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
MONTH_ABBREVIATIONS = "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
DAYS = frozenset(DAY_NAMES)
MONTHS = frozenset(MONTH_NAMES) | frozenset(MONTH_ABBREVIATIONS)
DAY_PATTERN = "(?:" + "|".join(DAY_NAMES) + ")"
FULL_MONTH_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"
ABBREVIATED_MONTH_PATTERN = "(?:" + "|".join(MONTH_ABBREVIATIONS) + ")"
MONTH_PATTERN = rf"(?:{FULL_MONTH_PATTERN}|{ABBREVIATED_MONTH_PATTERN}\.)"

# Capitalized words that are never names on their own.
COMMON_CAPITALIZED = frozenset(
    (
        "The A An This That These Those Other Another Some Many Most All Both Each Every Any "
        "Such According In On At For From By With Without Of To As After Before Since Until "
        "During While When Where Why How What Who Which Whose If But And Or Nor So Yet Also "
        "However Meanwhile Moreover Furthermore Still Then Thus Therefore Although Though "
        "Because Despite Under Over Meantime He She It They We I You His Her Its Their Our My "
        "Your Mr Mrs Ms Messrs Mmes Today Yesterday Tomorrow Earlier Later Last "
        "Next New Here There Now Not No Yes Sources Officials Reporting Additional Editing "
        "Read More Photo Video Updated Breaking Analysis Outside Inside Near Across Around "
        "Behind Beyond Within Along Against Amid Among Amongst Toward Towards Through Throughout "
        "Following Including Like Unlike Upon Into Onto Several Few Various Numerous Neither "
        # participles used as prepositions ("Considering Donald Trump's own opposition")
        "Considering Regarding Concerning Excluding Barring Pending Notwithstanding Given "
        "Either Whether Even Just Only Almost Nearly About Above Below Between "
        "AEDT AEST ACDT ACST AWST GMT UTC EST EDT PST PDT CET BST ICBM ICBMs GDP CPI "
        "CEO CEOs CFO COO PC PCs TV "
        # a question's verb or a sentence adverb glued to the name after it ("Is Trump
        # ready", "Perhaps Trump wants", "Consider Jim Courter")
        "Is Are Was Were Does Did Has Have Had Could Would Should Might Must Shall Perhaps "
        "Maybe Indeed Instead Otherwise Nevertheless Nonetheless Besides Hence Anyway "
        "Apparently Certainly Clearly Obviously Initially Finally Eventually Currently "
        "Recently Already Again Consider Remember Imagine"
    ).split()
) | (DAYS | MONTHS)

# Lowercase nouns that, after a demonym, name an institution ("the South Korean military").
INSTITUTION_NOUNS = {
    "military": "military",
    "army": "military",
    "armed forces": "military",
    "navy": "navy",
    "air force": "air force",
    "government": "government",
    "police": "police",
    "parliament": "parliament",
    "foreign ministry": "foreign ministry",
    "defense ministry": "military",
    "defence ministry": "military",
    "coast guard": "coast guard",
}
# Capitalized institution names that refer to the same body as a demonym's military.
MILITARY_SYNONYMS = frozenset(
    {
        "defense ministry",
        "defence ministry",
        "ministry of defense",
        "ministry of defence",
        "joint chiefs of staff",
        "armed forces",
        "army",
        "military",
    }
)

# Common nouns for groups and roles that act in news stories ("police said", "the gunman fired").
GROUP_NOUNS = frozenset(
    (
        "police firefighters rebels protesters protestors troops soldiers gunman gunmen "
        "militants detainees pirates hijackers demonstrators rioters investigators prosecutors "
        "workers unions residents villagers refugees guerrillas fighters supporters groups banks "
        "delegates diplomats commanders elders staff attendants "
        "analysts economists investors traders shareholders consumers voters lawmakers "
        "legislators critics experts scientists researchers executives lawyers attorneys "
        "teachers students parents doctors farmers"
    ).split()
)
# The bodies a person leads, named after him ("the Obama administration", "the Dinkins
# campaign").
LED_BODY_NOUNS = frozenset({"administration", "campaign"})
# Group nouns for the members of an organization: "Al Qaeda fighters" are Al Qaeda itself.
MEMBER_NOUNS = frozenset("fighters militants gunmen guerrillas".split())
# Group nouns that name no group without a word saying which ("bank staff", "rights groups").
UNNAMED_GROUP_NOUNS = frozenset("staff groups".split())
