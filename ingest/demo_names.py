"""Personal names for the synthetic demo data: one pool per naming tradition, each state drawing from its own.

A demo official's name comes from one pool only, so no name mixes cultures ("Kenji Al Otaibi"). The pools leave
out the surnames of the real officials in `seeds/` and of ruling families, so a search for the seed official
finds him, not a crowd of invented namesakes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class NamePool:
    given: tuple[str, ...]
    family: tuple[str, ...]
    style: str = "western"  # western: given family | arabic: given father family | east-asian: family given
    transliterated: bool = False  # written from another script, so the press spells it several ways

    def draw(self, rng: random.Random) -> str:
        if self.style == "arabic":
            given, father = rng.sample(self.given, 2)
            return f"{given} {father} {rng.choice(self.family)}"
        if self.style == "east-asian":
            return f"{rng.choice(self.family)} {rng.choice(self.given)}"
        return f"{rng.choice(self.given)} {rng.choice(self.family)}"


def _pool(given: str, family: str, **options) -> NamePool:
    return NamePool(tuple(given.split(", ")), tuple(family.split(", ")), **options)


ARAB_MEN = (
    "Abdullah, Mohammed, Khalid, Omar, Yousef, Ahmed, Faisal, Hassan, Ali, Saeed, Nasser, Tariq, Hamad, Sultan, "
    "Ibrahim, Mansour, Salem, Walid, Ziad, Mustafa, Adel, Majed, Fahad, Bassam, Nabil"
)
POOLS: dict[str, NamePool] = {
    "gulf": _pool(
        ARAB_MEN,
        "Al Otaibi, Al Shamsi, Al Marri, Al Qahtani, Al Dosari, Al Harthy, Al Mutairi, Al Ajmi, Al Balushi, "
        "Al Mazrouei, Al Kuwari, Al Hajri, Al Shehhi, Al Ghamdi, Al Zahrani, Al Rashidi, Al Enezi",
        style="arabic",
        transliterated=True,
    ),
    "levant": _pool(
        ARAB_MEN,
        "Al Zoubi, Haddad, Khoury, Nasrallah, Al Rawi, Al Jubouri, Haddadin, Al Momani, Al Khatib, Masri, "
        "Al Hindawi, Al Tamimi, Abu Ghazaleh, Al Obeidi, Saleh, Qassem, Al Shami",
        style="arabic",
        transliterated=True,
    ),
    "nile": _pool(
        ARAB_MEN,
        "El Sayed, Abdelrahman, Shoukry, Mahmoud, Fawzy, El Masry, Ragab, Abdel Aziz, Hegazy, Osman, El Badawi, "
        "Mansour, Eltayeb, Hamdan",
        style="arabic",
        transliterated=True,
    ),
    "maghreb": _pool(
        "Mohamed, Youssef, Karim, Rachid, Hicham, Nourredine, Abdelkader, Mourad, Samir, Driss, Lotfi, Mehdi",
        "Benali, Tazi, Bennani, El Fassi, Belkacem, Boudiaf, Cherkaoui, Mansouri, Ben Salah, Trabelsi, Haddou",
        style="arabic",
        transliterated=True,
    ),
    "turkish": _pool(
        "Mehmet, Mustafa, Ahmet, Emre, Burak, Murat, Kemal, Serkan, Orhan, Levent, Hakan",
        "Yilmaz, Demir, Kaya, Celik, Sahin, Aydin, Ozturk, Arslan, Dogan, Kilic, Yildiz",
    ),
    "azerbaijani": _pool(
        "Elvin, Rauf, Ilham, Orkhan, Vugar, Ramil, Elchin, Farid, Tural, Anar",
        "Aliyev, Mammadov, Huseynov, Guliyev, Ismayilov, Abbasov, Jafarov, Rzayev, Babayev",
        transliterated=True,
    ),
    "persian": _pool(
        "Reza, Hossein, Mehdi, Ali, Davood, Majid, Ahmad, Farhad, Nasir, Karim, Hamid, Jamshid",
        "Hosseini, Rahimi, Karimi, Mohammadi, Rezaei, Jafari, Hakimi, Sharifi, Nazari, Moradi, Sadeghi",
        transliterated=True,
    ),
    "central-asian": _pool(
        "Nurlan, Timur, Askar, Bakhtiyor, Rustam, Yerlan, Daniyar, Serik, Azamat, Ulugbek",
        "Nazarbayev, Tokayev, Karimov, Abdullayev, Sultanov, Ismailov, Bekov, Nurmagambetov, Rakhimov",
        transliterated=True,
    ),
    "south-asian": _pool(
        "Rajesh, Sanjay, Anil, Vikram, Arjun, Sunil, Rahul, Ajay, Deepak, Ravi, Prakash, Suresh",
        "Sharma, Singh, Gupta, Patel, Rao, Reddy, Nair, Iyer, Mehta, Verma, Thapa, Joshi",
        transliterated=True,
    ),
    "pakistani": _pool(
        "Javed, Imran, Asif, Tariq, Bilal, Kamran, Shahid, Farhan, Nadeem, Zahid, Aminul, Rafiq",
        "Khan, Qureshi, Malik, Chaudhry, Butt, Abbasi, Hussain, Rahman, Chowdhury, Siddiqui, Awan",
        transliterated=True,
    ),
    "chinese": _pool(
        "Wei, Jianguo, Hong, Lei, Jun, Ming, Zhiqiang, Haiyang, Xiaoping, Guoqiang, Yong",
        "Wang, Li, Zhang, Liu, Chen, Yang, Zhao, Huang, Zhou, Wu, Xu, Lin",
        style="east-asian",
        transliterated=True,
    ),
    "japanese": _pool(
        "Kenji, Hiroshi, Takeshi, Satoshi, Kazuo, Makoto, Yuki, Daisuke, Naoki, Shinji",
        "Tanaka, Suzuki, Takahashi, Watanabe, Ito, Nakamura, Kobayashi, Yamamoto, Sato, Kato",
    ),
    "korean": _pool(
        "Min-jun, Seung-ho, Jae-won, Dong-hyun, Sung-min, Young-soo, Ji-hoon, Hyun-woo",
        "Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim",
        style="east-asian",
    ),
    "indonesian": _pool(
        "Budi, Agus, Hadi, Rizal, Bambang, Joko, Dedi, Eko, Hendra, Wahyu",
        "Santoso, Wijaya, Hidayat, Saputra, Nugroho, Kusuma, Setiawan, Gunawan, Pratama, Susanto",
    ),
    "malay": _pool(
        "Azlan, Hafiz, Anwar, Razak, Zulkifli, Faizal, Hisham, Kamarul, Shahrir, Aziz",
        "bin Hashim, bin Ismail, bin Abdul Rahman, bin Othman, bin Yusof, bin Ahmad, bin Hamzah, bin Salleh",
    ),
    "vietnamese": _pool(
        "Van Hung, Minh Tuan, Quang Dung, Duc Thanh, Van Long, Huu Phuoc, Xuan Truong, Tien Dung",
        "Nguyen, Tran, Le, Pham, Hoang, Vu, Dang, Bui, Do, Ngo",
        style="east-asian",
    ),
    "thai": _pool(
        "Somchai, Prasert, Anan, Chaiwat, Surachai, Wichai, Narong, Thanakorn, Kittisak",
        "Srisuk, Chaiyaporn, Wongsawat, Boonmee, Suwannarat, Thongchai, Rattanakorn, Saetang",
    ),
    "khmer": _pool(
        "Sokha, Vannak, Dara, Sophal, Chanthou, Rithy, Bunthoeun, Sarith",
        "Chea, Sok, Heng, Keo, Meas, Chan, Prak, Ouk",
        style="east-asian",
    ),
    "burmese": _pool(
        "Aung, Kyaw, Min, Thein, Zaw, Tun, Myint, Soe",
        "Win, Naing, Htun, Oo, Aung, Lwin, Hlaing, Zaw Win",
    ),
    "slavic-east": _pool(
        "Sergei, Dmitry, Alexei, Nikolai, Andrei, Viktor, Oleg, Igor, Mikhail, Pavel, Yuri",
        "Ivanov, Petrov, Smirnov, Kuznetsov, Volkov, Sokolov, Popov, Lebedev, Kovalenko, Shevchenko, Bondarenko",
        transliterated=True,
    ),
    "polish": _pool(
        "Piotr, Tomasz, Marek, Krzysztof, Pawel, Andrzej, Grzegorz, Michal, Wojciech",
        "Nowak, Kowalski, Wisniewski, Wojcik, Kaminski, Lewandowski, Zielinski, Szymanski",
    ),
    "czech": _pool(
        "Jan, Petr, Jiri, Martin, Tomas, Pavel, Lukas, Jakub, Milan",
        "Novak, Dvorak, Svoboda, Cerny, Prochazka, Kucera, Vesely, Horak, Marek",
    ),
    "south-slavic": _pool(
        "Goran, Dragan, Zoran, Ivan, Milan, Nikola, Marko, Stefan, Dejan, Bojan",
        "Horvat, Jovanovic, Petrovic, Kovac, Nikolic, Markovic, Ivanovski, Georgiev, Popovic, Dimitrov",
    ),
    "english": _pool(
        "James, Robert, John, Michael, David, Richard, Thomas, Claire, Sarah, Emma, Mark, Andrew, Helen",
        "Walker, Thompson, Wright, Robinson, Clarke, Hughes, Edwards, Bennett, Mitchell, Turner, Harris, Cooper",
    ),
    "french": _pool(
        "Pierre, Jean, Philippe, Nicolas, Laurent, Sophie, Isabelle, Francois, Thierry, Olivier, Claire",
        "Dubois, Lefebvre, Moreau, Laurent, Girard, Fontaine, Mercier, Rousseau, Blanc, Guerin, Lambert",
    ),
    "german": _pool(
        "Thomas, Stefan, Andreas, Michael, Klaus, Jurgen, Markus, Sabine, Katrin, Wolfgang, Ursula",
        "Schmidt, Muller, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Koch, Richter, Gruber, Huber",
    ),
    "italian": _pool(
        "Marco, Giuseppe, Luca, Alessandro, Francesca, Giovanni, Paolo, Roberto, Chiara, Stefano",
        "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Borg, Camilleri",
    ),
    "hispanic": _pool(
        "Carlos, Jose, Luis, Juan, Miguel, Alejandro, Fernando, Ana, Maria, Javier, Ricardo, Diego",
        "Garcia, Rodriguez, Martinez, Lopez, Gonzalez, Perez, Sanchez, Ramirez, Torres, Flores, Morales, Castillo",
    ),
    "lusophone": _pool(
        "Joao, Antonio, Manuel, Paulo, Ricardo, Rui, Luis, Marcelo, Fernanda, Carlos, Jose",
        "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Almeida, Nascimento, Carvalho, Sousa",
    ),
    "nordic": _pool(
        "Lars, Anders, Erik, Magnus, Henrik, Mikael, Ingrid, Kristian, Jonas, Petra",
        "Johansson, Andersson, Hansen, Nielsen, Larsen, Eriksson, Lindqvist, Jonsson, Berg, Dahl",
    ),
    "finnish": _pool(
        "Jukka, Mikko, Timo, Antti, Juha, Kari, Pekka, Sanna, Heikki",
        "Virtanen, Korhonen, Nieminen, Makinen, Hamalainen, Laine, Heikkinen, Koskinen, Jarvinen",
    ),
    "dutch": _pool(
        "Jan, Pieter, Willem, Hendrik, Maarten, Sanne, Joost, Bram, Ruud, Anouk",
        "de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, Mulder, Peeters",
    ),
    "greek": _pool(
        "Nikos, Giorgos, Dimitris, Konstantinos, Yannis, Andreas, Christos, Eleni, Panagiotis",
        "Papadopoulos, Georgiou, Nikolaou, Christodoulou, Konstantinou, Ioannou, Vlachos, Antoniou",
    ),
    "hebrew": _pool(
        "Avi, Yossi, Moshe, Eitan, Noam, Amir, Dror, Tamar, Gideon, Ronen",
        "Cohen, Levi, Mizrahi, Peretz, Biton, Friedman, Shapiro, Ben David, Katz, Azoulay",
    ),
    "caucasian": _pool(
        "Armen, Tigran, Levon, Giorgi, Davit, Irakli, Zurab, Aram, Nikoloz",
        "Petrosyan, Hovhannisyan, Sargsyan, Beridze, Kapanadze, Gelashvili, Harutyunyan, Lomidze",
    ),
    "east-african": _pool(
        "Daniel, Samuel, Joseph, Peter, Juma, Grace, Francis, Patrick, Moses, Charles",
        "Mwangi, Otieno, Kamau, Mugisha, Okello, Wanjiru, Kiprono, Mutua, Ndayishimiye, Habimana",
    ),
    "ethiopian": _pool(
        "Abebe, Tesfaye, Getachew, Dawit, Berhanu, Mulugeta, Yohannes, Solomon",
        "Tadesse, Bekele, Haile, Gebremedhin, Alemu, Wolde, Kebede, Tsegaye",
        transliterated=True,
    ),
    "somali": _pool(
        "Mohamed, Abdirahman, Ahmed, Hassan, Abdullahi, Yusuf, Omar, Abdikadir",
        "Warsame, Mohamud, Farah, Hussein, Aden, Jama, Osman, Abdi",
        transliterated=True,
    ),
    "nigerian": _pool(
        "Emmanuel, Chukwuemeka, Oluwaseun, Ibrahim, Musa, Aminu, Adebayo, Babatunde, Tunde, Yakubu",
        "Okafor, Adeyemi, Bello, Abubakar, Danjuma, Ogunleye, Eze, Okonkwo, Balogun, Lawal",
    ),
    "ghanaian": _pool(
        "Kwame, Kofi, Yaw, Kwabena, Kojo, Akwasi, Nana, Ama",
        "Mensah, Asante, Boateng, Owusu, Appiah, Agyeman, Osei, Ofori",
    ),
    "west-african": _pool(
        "Sorie, Mohamed, Alusine, Ibrahim, George, Samuel, Joseph, Momodu",
        "Koroma, Sesay, Kamara, Conteh, Bangura, Jalloh, Johnson, Kanneh",
    ),
    "sahel": _pool(
        "Mamadou, Moussa, Ousmane, Amadou, Abdoulaye, Seydou, Alassane, Boubacar, Souleymane",
        "Diallo, Traore, Keita, Coulibaly, Ndiaye, Diop, Sow, Kone, Ouedraogo, Kabore, Toure",
    ),
    "central-african": _pool(
        "Jean-Pierre, Serge, Patrice, Didier, Blaise, Thierry, Christian, Felix, Alain",
        "Mbemba, Nguema, Kabila, Mbarga, Onana, Ngoua, Mabiala, Tshisekedi, Ekambi",
    ),
    "southern-african": _pool(
        "Thabo, Sipho, Themba, Tendai, Tawanda, Mpho, Kagiso, Bongani, Lindiwe, Chanda",
        "Dlamini, Nkosi, Mokoena, Moyo, Ncube, Banda, Phiri, Mutasa, Khumalo, Sithole",
    ),
    "baltic": _pool(
        "Tomas, Mindaugas, Darius, Andrius, Gediminas, Vytautas, Linas",
        "Kazlauskas, Petrauskas, Jankauskas, Stankevicius, Vasiliauskas, Zukauskas",
    ),
    "hungarian": _pool(
        "Laszlo, Zoltan, Istvan, Gabor, Peter, Tamas, Attila, Sandor",
        "Nagy, Kovacs, Toth, Szabo, Horvath, Varga, Kiss, Molnar",
    ),
    "romanian": _pool(
        "Mihai, Andrei, Ion, Alexandru, Cristian, Gheorghe, Vasile, Dan",
        "Popescu, Ionescu, Rusu, Dumitru, Stan, Munteanu, Constantin, Ciobanu",
    ),
    "albanian": _pool(
        "Arben, Ilir, Besnik, Gjergj, Fatmir, Agron, Edmond, Bujar",
        "Hoxha, Krasniqi, Berisha, Shehu, Gashi, Kelmendi, Leka, Dervishi",
    ),
}

# Each state's pool (territories with their administering state's); the rest draw from FALLBACK_POOL.
STATE_POOLS = {
    "gulf": "SA AE QA KW BH OM YE",
    "levant": "JO SY LB PS IQ",
    "nile": "EG SD LY",
    "maghreb": "MA DZ TN MR EH",
    "turkish": "TR",
    "azerbaijani": "AZ",
    "persian": "IR AF TJ",
    "central-asian": "KZ UZ TM KG MN",
    "south-asian": "IN NP BT LK MV",
    "pakistani": "PK BD",
    "chinese": "CN TW HK MO SG",
    "japanese": "JP",
    "korean": "KR KP",
    "indonesian": "ID",
    "malay": "MY BN",
    "vietnamese": "VN",
    "thai": "TH LA",
    "khmer": "KH",
    "burmese": "MM",
    "slavic-east": "RU BY UA",
    "polish": "PL",
    "czech": "CZ SK",
    "south-slavic": "RS HR BA SI ME MK BG",
    "english": "US GB IE CA AU NZ JM TT BS BB BZ GY AG DM GD KN LC VC FJ PG SB VU WS TO KI TV NR FM MH PW",
    "french": "FR BE LU MC HT KM MG MU SC TF BL GP GF MF MQ YT NC PF RE PM WF",
    "german": "DE AT CH LI",
    "italian": "IT SM VA MT",
    "hispanic": "PH ES MX AR CO PE CL VE EC BO PY UY CU DO GT HN SV NI CR PA PR GQ AD",
    "lusophone": "PT BR AO MZ CV GW ST TL",
    "nordic": "SE NO DK IS AX FO GL SJ",
    "finnish": "FI",
    "dutch": "NL SR AW BQ CW SX",
    "greek": "GR CY",
    "hebrew": "IL",
    "caucasian": "AM GE",
    "east-african": "KE TZ UG RW BI SS",
    "ethiopian": "ET ER",
    "somali": "SO DJ",
    "nigerian": "NG",
    "ghanaian": "GH",
    "west-african": "SL LR GM",
    "sahel": "SN CI ML BF NE TG BJ GN",
    "central-african": "CM CG CD GA TD CF",
    "southern-african": "ZA ZW ZM BW NA LS SZ MW",
    "baltic": "LT LV EE",
    "hungarian": "HU",
    "romanian": "RO MD",
    "albanian": "AL XK",
}
POOL_OF_STATE = {code: pool for pool, codes in STATE_POOLS.items() for code in codes.split()}
# The remaining territories (Bermuda, Guam, the Falklands, ...) are English-speaking.
FALLBACK_POOL = "english"


def pool_for(code: str) -> NamePool:
    return POOLS[POOL_OF_STATE.get(code, FALLBACK_POOL)]
