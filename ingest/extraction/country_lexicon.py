"""English names, long forms, adjectives and demonyms of states (facts, one state a line).

Format: ``CODE | names and long forms ; ... | adjectives and demonyms ; ...`` (a code may repeat).
pycountry adds its official names on top of these; this table carries what pycountry lacks:
the forms newspapers use ("Emirati", "the Sultanate of Oman", "Türkiye", "Kyiv's" neighbours).
"""

STATES = """
AF | Afghanistan ; Islamic Emirate of Afghanistan | Afghan ; Afghans ; Afghani
AL | Albania | Albanian ; Albanians
DZ | Algeria ; People's Democratic Republic of Algeria | Algerian ; Algerians
AD | Andorra | Andorran
AO | Angola | Angolan ; Angolans
AG | Antigua and Barbuda | Antiguan
AR | Argentina ; Argentine Republic | Argentine ; Argentinian ; Argentines
AM | Armenia | Armenian ; Armenians
AU | Australia ; Commonwealth of Australia | Australian ; Australians ; Aussie
AT | Austria | Austrian ; Austrians
AZ | Azerbaijan | Azerbaijani ; Azeri ; Azerbaijanis
BS | Bahamas ; The Bahamas | Bahamian
BH | Bahrain ; Kingdom of Bahrain | Bahraini ; Bahrainis
BD | Bangladesh | Bangladeshi ; Bangladeshis
BB | Barbados | Barbadian
BY | Belarus ; Republic of Belarus | Belarusian ; Belarusians ; Byelorussian
BE | Belgium | Belgian ; Belgians
BZ | Belize | Belizean
BJ | Benin | Beninese
BT | Bhutan | Bhutanese
BO | Bolivia | Bolivian ; Bolivians
BA | Bosnia and Herzegovina ; Bosnia-Herzegovina ; Bosnia | Bosnian ; Bosnians
BW | Botswana | Botswanan ; Motswana
BR | Brazil ; Federative Republic of Brazil | Brazilian ; Brazilians
BN | Brunei ; Brunei Darussalam | Bruneian
BG | Bulgaria | Bulgarian ; Bulgarians
BF | Burkina Faso | Burkinabe ; Burkinabè
BI | Burundi | Burundian
CV | Cape Verde ; Cabo Verde | Cape Verdean
KH | Cambodia ; Kingdom of Cambodia | Cambodian ; Cambodians ; Khmer
CM | Cameroon | Cameroonian ; Cameroonians
CA | Canada | Canadian ; Canadians
CF | Central African Republic | Central African
TD | Chad | Chadian ; Chadians
CL | Chile | Chilean ; Chileans
CN | China ; People's Republic of China ; PRC | Chinese
CO | Colombia | Colombian ; Colombians
KM | Comoros | Comorian
CG | Republic of the Congo ; Congo-Brazzaville | Congolese (Brazzaville)
CD | Democratic Republic of the Congo ; DR Congo ; DRC ; Congo-Kinshasa | Congolese
CR | Costa Rica | Costa Rican
CI | Ivory Coast ; Cote d'Ivoire ; Côte d'Ivoire | Ivorian ; Ivorians
HR | Croatia | Croatian ; Croat ; Croats
CU | Cuba | Cuban ; Cubans
CY | Cyprus | Cypriot ; Cypriots
CZ | Czech Republic ; Czechia | Czech ; Czechs
DK | Denmark | Danish ; Dane ; Danes
DJ | Djibouti | Djiboutian
DM | Dominica | Dominican (Dominica)
DO | Dominican Republic | Dominican
EC | Ecuador | Ecuadorian ; Ecuadorean ; Ecuadorians
EG | Egypt ; Arab Republic of Egypt | Egyptian ; Egyptians
SV | El Salvador | Salvadoran ; Salvadorian
GQ | Equatorial Guinea | Equatoguinean ; Equatorial Guinean
ER | Eritrea | Eritrean ; Eritreans
EE | Estonia | Estonian ; Estonians
SZ | Eswatini ; Swaziland | Swazi ; Emaswati
ET | Ethiopia | Ethiopian ; Ethiopians
FJ | Fiji | Fijian
FI | Finland | Finnish ; Finn ; Finns
FR | France ; French Republic | French ; Frenchman
GA | Gabon | Gabonese
GM | Gambia ; The Gambia | Gambian
GE | Georgia | Georgian ; Georgians
DE | Germany ; Federal Republic of Germany | German ; Germans
GH | Ghana | Ghanaian ; Ghanaians
GR | Greece ; Hellenic Republic | Greek ; Greeks ; Hellenic
GD | Grenada | Grenadian
GT | Guatemala | Guatemalan ; Guatemalans
GN | Guinea | Guinean ; Guineans
GW | Guinea-Bissau | Bissau-Guinean
GY | Guyana | Guyanese
HT | Haiti | Haitian ; Haitians
HN | Honduras | Honduran ; Hondurans
HU | Hungary | Hungarian ; Hungarians
IS | Iceland | Icelandic ; Icelander
IN | India ; Republic of India | Indian ; Indians
ID | Indonesia ; Republic of Indonesia | Indonesian ; Indonesians
IR | Iran ; Islamic Republic of Iran | Iranian ; Iranians ; Persian
IQ | Iraq ; Republic of Iraq | Iraqi ; Iraqis
IE | Ireland ; Republic of Ireland | Irish
IL | Israel ; State of Israel | Israeli ; Israelis
IT | Italy ; Italian Republic | Italian ; Italians
JM | Jamaica | Jamaican ; Jamaicans
JP | Japan | Japanese
JO | Jordan ; Hashemite Kingdom of Jordan ; the Kingdom of Jordan | Jordanian ; Jordanians
KZ | Kazakhstan ; Republic of Kazakhstan | Kazakh ; Kazakhstani ; Kazakhs
KE | Kenya ; Republic of Kenya | Kenyan ; Kenyans
KI | Kiribati | I-Kiribati
KP | North Korea ; Democratic People's Republic of Korea ; DPRK | North Korean ; North Koreans
KR | South Korea ; Republic of Korea ; ROK ; Korea | South Korean ; South Koreans ; Korean
XK | Kosovo | Kosovar ; Kosovan
KW | Kuwait ; State of Kuwait | Kuwaiti ; Kuwaitis
KG | Kyrgyzstan ; Kyrgyz Republic | Kyrgyz ; Kyrgyzstani
LA | Laos ; Lao PDR ; Lao People's Democratic Republic | Lao ; Laotian ; Laotians
LV | Latvia | Latvian ; Latvians
LB | Lebanon ; Lebanese Republic | Lebanese
LS | Lesotho | Basotho ; Mosotho
LR | Liberia | Liberian ; Liberians
LY | Libya ; State of Libya | Libyan ; Libyans
LI | Liechtenstein | Liechtensteiner
LT | Lithuania | Lithuanian ; Lithuanians
LU | Luxembourg | Luxembourgish ; Luxembourger
MG | Madagascar | Malagasy
MW | Malawi | Malawian ; Malawians
MY | Malaysia | Malaysian ; Malaysians
MV | Maldives | Maldivian
ML | Mali | Malian ; Malians
MT | Malta | Maltese
MH | Marshall Islands | Marshallese
MR | Mauritania ; Islamic Republic of Mauritania | Mauritanian ; Mauritanians
MU | Mauritius | Mauritian
MX | Mexico ; United Mexican States | Mexican ; Mexicans
FM | Micronesia | Micronesian
MD | Moldova ; Republic of Moldova | Moldovan ; Moldovans
MC | Monaco | Monegasque
MN | Mongolia | Mongolian ; Mongolians
ME | Montenegro | Montenegrin
MA | Morocco ; Kingdom of Morocco | Moroccan ; Moroccans
MZ | Mozambique | Mozambican
MM | Myanmar ; Burma | Myanmar ; Burmese
NA | Namibia | Namibian ; Namibians
NR | Nauru | Nauruan
NP | Nepal | Nepali ; Nepalese
NL | Netherlands ; the Netherlands ; Holland | Dutch
NZ | New Zealand | New Zealander ; Kiwi
NI | Nicaragua | Nicaraguan ; Nicaraguans
NE | Niger ; Republic of Niger ; Republic of the Niger | Nigerien ; Nigeriens
NG | Nigeria ; Federal Republic of Nigeria | Nigerian ; Nigerians
MK | North Macedonia ; Macedonia | Macedonian ; North Macedonian
NO | Norway | Norwegian ; Norwegians
OM | Oman ; Sultanate of Oman | Omani ; Omanis
PK | Pakistan ; Islamic Republic of Pakistan | Pakistani ; Pakistanis
PW | Palau | Palauan
PS | Palestine ; State of Palestine ; Palestinian Authority | Palestinian ; Palestinians
PA | Panama | Panamanian ; Panamanians
PG | Papua New Guinea | Papua New Guinean
PY | Paraguay | Paraguayan
PE | Peru | Peruvian ; Peruvians
PH | Philippines ; the Philippines ; Republic of the Philippines | Philippine ; Filipino ; Filipinos
PL | Poland ; Republic of Poland | Polish ; Pole ; Poles
PT | Portugal | Portuguese
QA | Qatar ; State of Qatar | Qatari ; Qataris
RO | Romania | Romanian ; Romanians
RU | Russia ; Russian Federation | Russian ; Russians
RW | Rwanda | Rwandan ; Rwandans
KN | Saint Kitts and Nevis | Kittitian
LC | Saint Lucia | Saint Lucian
VC | Saint Vincent and the Grenadines | Vincentian
WS | Samoa | Samoan
SM | San Marino | Sammarinese
ST | Sao Tome and Principe | Santomean
SA | Saudi Arabia ; Kingdom of Saudi Arabia ; KSA | Saudi ; Saudis
SN | Senegal | Senegalese
RS | Serbia | Serbian ; Serbs ; Serb
SC | Seychelles | Seychellois
SL | Sierra Leone | Sierra Leonean
SG | Singapore | Singaporean ; Singaporeans
SK | Slovakia | Slovak ; Slovakian
SI | Slovenia | Slovenian ; Slovene
SB | Solomon Islands | Solomon Islander
SO | Somalia ; Federal Republic of Somalia | Somali ; Somalis
ZA | South Africa ; Republic of South Africa | South African ; South Africans
SS | South Sudan | South Sudanese
ES | Spain ; Kingdom of Spain | Spanish ; Spaniard ; Spaniards
LK | Sri Lanka | Sri Lankan ; Sri Lankans
SD | Sudan ; Republic of the Sudan | Sudanese
SR | Suriname | Surinamese
SE | Sweden | Swedish ; Swede ; Swedes
CH | Switzerland ; Swiss Confederation | Swiss
SY | Syria ; Syrian Arab Republic | Syrian ; Syrians
TW | Taiwan ; Republic of China | Taiwanese
TJ | Tajikistan ; Republic of Tajikistan | Tajik ; Tajikistani ; Tajiks
TZ | Tanzania ; United Republic of Tanzania | Tanzanian ; Tanzanians
TH | Thailand ; Kingdom of Thailand | Thai
TL | Timor-Leste ; East Timor | Timorese
TG | Togo | Togolese
TO | Tonga | Tongan
TT | Trinidad and Tobago | Trinidadian
TN | Tunisia ; Tunisian Republic | Tunisian ; Tunisians
TR | Turkey ; Türkiye ; Turkiye ; Republic of Turkey ; Republic of Türkiye | Turkish ; Turk ; Turks
TM | Turkmenistan | Turkmen ; Turkmenistani
TV | Tuvalu | Tuvaluan
UG | Uganda ; Republic of Uganda | Ugandan ; Ugandans
UA | Ukraine | Ukrainian ; Ukrainians
AE | United Arab Emirates ; UAE ; U.A.E. ; the Emirates | Emirati ; Emiratis
GB | United Kingdom ; UK ; U.K. ; Britain ; Great Britain | British ; Briton ; Britons ; English
GB | England ; Scotland ; Wales |
US | United States ; United States of America ; USA ; U.S. ; US ; U.S.A. ; America | American ; Americans
UY | Uruguay | Uruguayan ; Uruguayans
UZ | Uzbekistan ; Republic of Uzbekistan | Uzbek ; Uzbekistani ; Uzbeks
VU | Vanuatu | Ni-Vanuatu
VA | Vatican ; Holy See | Vatican
VE | Venezuela | Venezuelan ; Venezuelans
VN | Vietnam ; Viet Nam | Vietnamese
YE | Yemen ; Republic of Yemen | Yemeni ; Yemenis
ZM | Zambia | Zambian ; Zambians
ZW | Zimbabwe | Zimbabwean ; Zimbabweans
"""

# Security institutions whose name alone identifies the state (a generic "Ministry of Interior"
# does not).  Upper-case acronyms are matched case-sensitively.
INSTITUTIONS = """
JO | Public Security Directorate ; PSD ; Jordan Armed Forces ; Jordan Armed Forces-Arab Army
JO | Gendarmerie Forces ; General Intelligence Department
QA | Lekhwiya ; Qatar Armed Forces
SA | Royal Saudi Land Forces ; Royal Saudi Air Force ; Royal Saudi Navy ; Custodian of the Two Holy Mosques
OM | Royal Oman Police ; ROP ; Sultan's Armed Forces
MA | Royal Armed Forces ; FAR
TR | Turkish Armed Forces ; TSK
BH | Bahrain Defence Force
IR | IRGC
PK | ISPR ; Inter-Services Intelligence
IN | Indian Army ; Indian Navy ; Indian Air Force
NP | Nepali Army ; Nepal Army
NG | Nigeria Police Force ; Nigerian Army ; EFCC ; NPF
KE | Kenya Defence Forces ; KDF
UG | UPDF ; Uganda People's Defence Force
TZ | TPDF
MY | PDRM ; Royal Malaysia Police ; Bukit Aman
ID | TNI ; Polri
PH | DND ; Department of National Defense
US | AFRICOM ; CENTCOM ; INDOPACOM ; State Department ; FBI ; DEA
GB | Home Office
TH | Royal Thai Police
"""

# Cities and landmarks whose country is certain (capitals, ports, venues of such meetings).
CITIES = """
AF | Kabul ; Kandahar ; Herat
AL | Tirana ; Durres
DZ | Algiers ; Oran
AO | Luanda
AR | Buenos Aires
AM | Yerevan
AU | Canberra ; Sydney ; Melbourne ; Perth ; Darwin ; Brisbane
AT | Vienna
AZ | Baku
BH | Manama ; Muharraq ; Sakhir
BD | Dhaka ; Chittagong
BY | Minsk
BE | Brussels
BJ | Cotonou ; Porto-Novo
BO | La Paz
BA | Sarajevo
BW | Gaborone
BR | Brasilia ; Brasília ; Rio de Janeiro ; Sao Paulo ; São Paulo
BN | Bandar Seri Begawan
BG | Sofia
BF | Ouagadougou
BI | Gitega ; Bujumbura
KH | Phnom Penh ; Siem Reap
CM | Yaounde ; Yaoundé ; Douala
CA | Ottawa ; Toronto ; Montreal ; Vancouver
TD | N'Djamena
CL | Santiago
CN | Beijing ; Shanghai ; Guangzhou ; Shenzhen ; Hong Kong
CO | Bogota ; Bogotá ; Cartagena ; Cali ; Medellin
CD | Kinshasa ; Goma
CG | Brazzaville
CR | San Jose
CI | Abidjan ; Yamoussoukro
HR | Zagreb
CU | Havana
CY | Nicosia ; Limassol
CZ | Prague
DK | Copenhagen
DJ | Djibouti City
EC | Quito ; Guayaquil
EG | Cairo ; Alexandria ; Sharm el-Sheikh ; Safaga ; Ismailia ; Port Said ; Hurghada
SV | San Salvador
ER | Asmara
EE | Tallinn
ET | Addis Ababa
FI | Helsinki
FR | Paris ; Marseille ; Toulon ; Lyon
GA | Libreville
GM | Banjul
GE | Tbilisi
DE | Berlin ; Bonn ; Munich ; Hamburg ; Frankfurt
GH | Accra
GR | Athens ; Thessaloniki
GT | Guatemala City
GN | Conakry
HT | Port-au-Prince
HN | Tegucigalpa
HU | Budapest
IN | New Delhi ; Delhi ; Mumbai ; Kolkata ; Chennai ; Bengaluru ; Hyderabad ; Pithoragarh ; Goa ; Kochi ; Visakhapatnam
ID | Jakarta ; Bali ; Surabaya ; Bandung
IR | Tehran ; Mashhad ; Isfahan ; Tabriz
IQ | Baghdad ; Basra ; Erbil ; Mosul ; Najaf
IE | Dublin
IL | Jerusalem ; Tel Aviv
IT | Rome ; Milan ; Naples
JM | Kingston ; St Catherine
JP | Tokyo ; Osaka ; Yokohama ; Kyoto
JO | Amman ; Aqaba ; Irbid ; Zarqa ; Mafraq ; Dead Sea
KZ | Astana ; Nur-Sultan ; Almaty
KE | Nairobi ; Mombasa
KW | Kuwait City
KG | Bishkek ; Osh
LA | Vientiane ; Luang Prabang
LV | Riga
LB | Beirut
LY | Tripoli ; Benghazi
LT | Vilnius
MY | Kuala Lumpur ; Putrajaya ; Penang ; Johor Bahru ; Kota Kinabalu
MV | Male
ML | Bamako
MT | Valletta
MR | Nouakchott
MX | Mexico City
MD | Chisinau
MN | Ulaanbaatar ; Ulan Bator
ME | Podgorica
MA | Rabat ; Casablanca ; Marrakech ; Tangier ; Agadir ; Tan-Tan ; Cap Draa ; Dakhla ; Laayoune
MZ | Maputo
MM | Naypyidaw ; Yangon
NA | Windhoek
NP | Kathmandu ; Saljhandi ; Pokhara
NL | Amsterdam ; The Hague ; Rotterdam
NZ | Wellington ; Auckland
NI | Managua
NE | Niamey
NG | Abuja ; Lagos ; Kano ; Port Harcourt
MK | Skopje
NO | Oslo
OM | Muscat ; Salalah ; Sohar ; Qarn Al Alam ; Duqm
PK | Islamabad ; Karachi ; Lahore ; Rawalpindi ; Peshawar ; Quetta
PS | Ramallah ; Gaza ; Gaza City
PA | Panama City
PE | Lima
PH | Manila ; Quezon City ; Davao ; Cebu ; Subic
PL | Warsaw ; Krakow
PT | Lisbon
QA | Doha ; Lusail ; Al Wakrah ; Al Udeid
RO | Bucharest
RU | Moscow ; St Petersburg ; Saint Petersburg ; Kubinka ; Sochi ; Kazan ; Vladivostok
RW | Kigali
SA | Riyadh ; Jeddah ; Mecca ; Makkah ; Medina ; Dammam ; Tabuk ; Dhahran ; NEOM ; Neom
SN | Dakar
RS | Belgrade
SG | Singapore
SK | Bratislava
SI | Ljubljana
SO | Mogadishu ; Kismayo ; Baidoa
ZA | Pretoria ; Johannesburg ; Cape Town ; Durban
SS | Juba
ES | Madrid ; Barcelona ; Seville
LK | Colombo
SD | Khartoum ; Port Sudan
SE | Stockholm
CH | Geneva ; Bern ; Zurich ; Davos
SY | Damascus ; Aleppo ; Latakia
TW | Taipei
TJ | Dushanbe
TZ | Dodoma ; Dar es Salaam ; Arusha ; Zanzibar
TH | Bangkok ; Chiang Mai ; Pattaya
TG | Lome ; Lomé
TN | Tunis ; Sfax ; Sousse
TR | Ankara ; Istanbul ; Izmir ; Antalya
TM | Ashgabat
UG | Kampala ; Entebbe
UA | Kyiv ; Kiev ; Odesa ; Lviv ; Kharkiv
AE | Abu Dhabi ; Dubai ; Sharjah ; Ajman ; Fujairah ; Ras Al Khaimah
GB | London ; Edinburgh ; Manchester ; Birmingham
US | Washington ; Washington, D.C. ; Washington DC ; New York ; Honolulu ; Hawaii ; Tampa ; Norfolk ; San Diego
UY | Montevideo
UZ | Tashkent ; Samarkand ; Bukhara
VE | Caracas
VN | Hanoi ; Ho Chi Minh City ; Da Nang
YE | Sanaa ; Sana'a ; Aden
ZM | Lusaka
ZW | Harare
"""


def parse_table(table: str) -> list[tuple[str, list[list[str]]]]:
    """Rows of ``CODE | a ; b | c ; d`` as (code, [[a, b], [c, d]])."""
    rows = []
    for line in table.strip().splitlines():
        code, *cols = (part.strip() for part in line.split("|"))
        rows.append((code, [[v.strip() for v in col.split(";") if v.strip()] for col in cols]))
    return rows


# Venues that fix the country but are not cities.
LANDMARKS = """
GB | Downing Street ; Whitehall
US | Pentagon ; White House ; Capitol Hill
KW | Bayan Palace ; Seif Palace
RU | Kremlin
FR | Elysee Palace ; Élysée Palace
UG | Mbuya
"""
