"""French: the words the shared stages read (spaCy fr_core_news_sm gives names and tense)."""

from __future__ import annotations

import re

from .lexicon import Lexicon, words

_I = re.I

LEXICON = Lexicon(
    code="fr",
    call=re.compile(
        r"\b(?:(?:entretien|appel|échange|conversation|entretiens)s? (?:téléphoniques?|vidéo|par visioconférence)"
        r"|par téléphone|au téléphone|visioconférence|vidéoconférence|s'est entretenu\w* téléphoniquement)",
        _I,
    ),
    agreement=re.compile(r"\b(?:sign(?:é|ée|és|ées|ent|ant|ature|er|é)|ont signé|paraph\w+|ratifi\w+)\b", _I),
    signed_object=re.compile(
        r"\b(?:accords?|mémorandums?|protocoles?|conventions?|traités?|plan d'action|feuille de route|déclaration"
        r"|arrangements?|texte|document|programme|charte)\b",
        _I,
    ),
    exercise=re.compile(
        r"\b(?:exercices?|manœuvres?|manoeuvres?|entraînements?) (?:\w+ ){0,3}?"
        r"(?:conjoint|commun|combiné|bilatéral|multinational)e?s?\b",
        _I,
    ),
    meeting=re.compile(
        r"\b(?:"
        + words(
            "a reçu", "ont reçu", "reçoit", "reçu", "reçus", "reçue", "a accueilli", "accueille", "s'est entretenu",
            "se sont entretenus", "s'entretient", "s'est réuni", "se sont réunis", "a rencontré", "ont rencontré",
            "rencontre", "rencontré", "entretien", "entretiens", "entrevue", "réunion", "séance de travail",
            "visite officielle", "visite de travail", "en visite", "audience", "pourparlers", "tête-à-tête",
            "s'est rendu", "ont examiné", "se sont penchés",
        )
        + r")\b",
        _I,
    ),
    future=re.compile(
        r"\b(?:se rendra|effectuera|recevra|rencontrera|signera|doit se rendre|devrait|devraient|prévu[e]?s? "
        r"(?:pour|le|la)|prochain(?:e|s)?|à venir|sera reçu|aura lieu|auront lieu)\b",
        _I,
    ),
    back_reference=re.compile(r"\b(?:la rencontre|la réunion|l'entretien|l'entrevue|la visite|cette rencontre|ces entretiens|les entretiens)\b", _I),
    separately=re.compile(r"\b(?:successivement|séparément|tour à tour|respectivement|chacun de son côté)\b", _I),
    then=re.compile(r",?\s+puis\s+(?:par|avec)\b|,?\s+ensuite\s+(?:par|avec)\b", _I),
    past=re.compile(
        r"\b(?:a reçu|ont reçu|a été reçue?|ont été reçus|a accueilli|s'est entretenue?|se sont entretenus|s'est réunie?"
        r"|se sont réunis|a rencontré|ont rencontré|ont signé|a signé|a été signée?|ont examiné|se sont penchés"
        r"|ont passé en revue|ont échangé|ont effectué|a effectué|ont mené)\b",
        _I,
    ),
    attending=re.compile(r"\b(?:assistai(?:en)?t|a assisté|ont assisté|en présence de|étai(?:en)?t présents?)\b", _I),
    title_heads=re.compile(
        r"\b(?:"
        + words(
            "ministre", "ministres", "secrétaire", "sous-secrétaire", "directeur", "directrice", "chef", "commandant",
            "président", "présidente", "premier ministre", "ambassadeur", "ambassadrice", "inspecteur", "général de",
            "chef d'état-major", "préfet", "gouverneur", "homologue", "haut commissaire", "conseiller", "conseillère",
            "roi", "émir", "prince héritier", "vice-président", "procureur", "délégué", "déléguée", "attaché",
            "commissaire", "patron",
        )
        + r")\b",
        _I,
    ),
    honorifics=frozenset(
        ["m.", "m", "mme", "mme.", "mlle", "dr", "dr.", "docteur", "le", "la", "son", "sa", "excellence", "s.e.", "se", "sem", "général", "générale", "colonel", "commandant", "amiral", "lieutenant-colonel", "lieutenant", "capitaine", "cheikh", "sheikh", "pr", "professeur", "monsieur", "madame", "maître", "me", "ing.", "l'"]
    ),
    organisation=re.compile(
        r"\b(?:nations unies|onu|otan|interpol|union africaine|union européenne|ligue arabe|conseil des ministres"
        r"|secrétariat général|cedeao|g5 sahel|conseil de coopération du golfe|organisation)\b",
        _I,
    ),
    observer=re.compile(r"\b(?:en (?:tant qu'|qualité d')observateurs?|comme observateurs?)", _I),
    capital=re.compile(r"\bcapitale\s+$", _I),
    security=re.compile(
        r"\b(?:sécurit\w*|défense|militaire\w*|armée\w*|police\w*|policièr\w*|terror\w*|renseignement\w*|"
        r"migrat\w*|frontièr\w*|criminalit\w*|gendarmerie|forces armées|sécuritaire\w*|intérieur)\b",
        _I,
    ),
    topics={
        "counter-terrorism": ("terroris", "antiterror", "extrémis", "radicalis", "djihad", "jihad"),
        "cybersecurity": ("cyber", "sécurité informatique", "criminalité informatique"),
        "border-security": ("frontière", "frontalier", "transfrontali", "contrôle aux frontières"),
        "intelligence-sharing": (
            "renseignement", "échange d'informations", "échange des informations", "partage d'informations",
            "partage du renseignement", "échanger des informations",
        ),
        "drug-trafficking": ("drogue", "stupéfiant", "narcotrafic", "cocaïne", "cannabis", "trafic de drogue"),
        "human-trafficking": (
            "traite des personnes", "traite des êtres humains", "trafic de migrants", "trafic d'êtres humains",
            "passeurs", "réseaux de passeurs",
        ),
        "money-laundering": ("blanchiment", "financement du terrorisme"),
        "organized-crime": ("criminalité organisée", "crime organisé", "criminalité transnationale", "extradition"),
        "training": (
            "formation", "entraînement", "échange d'expérience", "échange d'expertise", "échanges d'expérience",
            "renforcement des capacités", "stages", "stage de", "expertise",
        ),
        "policing": ("police", "policière", "sécurité publique", "forces de l'ordre", "gendarmerie"),
        "event-security": ("grands événements", "coupe du monde", "jeux olympiques", "sécurisation des"),
        "defence": ("défense", "militaire", "armée", "forces armées", "industrie de défense", "armement"),
        "maritime-security": ("maritime", "marine nationale", "garde-côtes", "piraterie", "naval"),
        "civil-defence": ("protection civile", "catastrophe", "secours", "sapeurs-pompiers"),
        "migration": ("migration", "migrants", "migratoire", "immigration", "visas", "titre de séjour"),
        "critical-infrastructure": ("infrastructures critiques", "installations sensibles", "infrastructures vitales"),
    },
    relative_days={"aujourd'hui": 0, "ce jour": 0, "ce matin": 0, "hier": 1, "avant-hier": 2, "la veille": 1},
    this_month=("cette semaine", "ce mois"),
    last_week=("la semaine dernière", "la semaine passée"),
    next_words=("prochain", "prochaine"),
    cities={
        "Abou Dhabi": ("Abu Dhabi", "AE"), "Alger": ("Algiers", "DZ"), "Le Caire": ("Cairo", "EG"),
        "Tripoli": ("Tripoli", "LY"), "Bamako": ("Bamako", "ML"), "Niamey": ("Niamey", "NE"),
        "Ouagadougou": ("Ouagadougou", "BF"), "Nouakchott": ("Nouakchott", "MR"), "Dakar": ("Dakar", "SN"),
        "Abidjan": ("Abidjan", "CI"), "Cotonou": ("Cotonou", "BJ"), "N'Djamena": ("N'Djamena", "TD"),
        "Bruxelles": ("Brussels", "BE"), "Genève": ("Geneva", "CH"), "Londres": ("London", "GB"),
        "Moscou": ("Moscow", "RU"), "Pékin": ("Beijing", "CN"), "Riyad": ("Riyadh", "SA"),
        "Djeddah": ("Jeddah", "SA"), "Koweït": ("Kuwait City", "KW"), "Amman": ("Amman", "JO"),
        "Beyrouth": ("Beirut", "LB"), "Damas": ("Damascus", "SY"), "Bagdad": ("Baghdad", "IQ"),
        "Téhéran": ("Tehran", "IR"), "Ankara": ("Ankara", "TR"), "Rome": ("Rome", "IT"), "Madrid": ("Madrid", "ES"),
        "Berlin": ("Berlin", "DE"), "Washington": ("Washington", "US"), "Lomé": ("Lomé", "TG"),
        "Yaoundé": ("Yaoundé", "CM"), "Kinshasa": ("Kinshasa", "CD"), "Libreville": ("Libreville", "GA"),
        "Conakry": ("Conakry", "GN"), "Mascate": ("Muscat", "OM"), "Manama": ("Manama", "BH"),
    },
    adjectives={
        "marocain": "MA", "algérien": "DZ", "tunisien": "TN", "libyen": "LY", "égyptien": "EG", "mauritanien": "MR",
        "malien": "ML", "nigérien": "NE", "tchadien": "TD", "burkinabè": "BF", "burkinabé": "BF", "sénégalais": "SN",
        "ivoirien": "CI", "béninois": "BJ", "togolais": "TG", "ghanéen": "GH", "nigérian": "NG", "camerounais": "CM",
        "gabonais": "GA", "congolais": "CG", "guinéen": "GN", "rwandais": "RW", "kényan": "KE", "éthiopien": "ET",
        "somalien": "SO", "soudanais": "SD", "djiboutien": "DJ", "sud-africain": "ZA", "français": "FR",
        "espagnol": "ES", "italien": "IT", "allemand": "DE", "belge": "BE", "britannique": "GB", "portugais": "PT",
        "néerlandais": "NL", "suisse": "CH", "grec": "GR", "russe": "RU", "ukrainien": "UA", "turc": "TR",
        "américain": "US", "canadien": "CA", "brésilien": "BR", "chinois": "CN", "japonais": "JP", "indien": "IN",
        "pakistanais": "PK", "iranien": "IR", "irakien": "IQ", "syrien": "SY", "libanais": "LB", "jordanien": "JO",
        "palestinien": "PS", "israélien": "IL", "saoudien": "SA", "émirati": "AE", "qatari": "QA", "qatarien": "QA",
        "koweïtien": "KW", "bahreïni": "BH", "bahreïnien": "BH", "omanais": "OM", "yéménite": "YE",
        "polonais": "PL", "roumain": "RO", "autrichien": "AT", "suédois": "SE", "norvégien": "NO", "danois": "DK",
        "finlandais": "FI", "irlandais": "IE", "hongrois": "HU", "tchèque": "CZ", "serbe": "RS", "croate": "HR",
        "azerbaïdjanais": "AZ", "kazakh": "KZ", "ouzbek": "UZ", "afghan": "AF", "indonésien": "ID",
        "malaisien": "MY", "australien": "AU", "sud-coréen": "KR", "mexicain": "MX", "colombien": "CO",
        "argentin": "AR", "chilien": "CL", "péruvien": "PE", "vénézuélien": "VE", "cubain": "CU",
        "centrafricain": "CF", "gambien": "GM", "libérien": "LR", "angolais": "AO", "mozambicain": "MZ",
        "ougandais": "UG", "tanzanien": "TZ", "érythréen": "ER", "chypriote": "CY", "maltais": "MT",
    },
    names={"Etats-Unis": "US", "USA": "US", "Émirats": "AE", "EAU": "AE", "Royaume du Maroc": "MA",
           "Côte d'Ivoire": "CI", "Egypte": "EG", "Etats-Unis d'Amérique": "US", "Arabie Saoudite": "SA"},
)  # fmt: skip
