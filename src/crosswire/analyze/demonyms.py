"""Demonyms of the world's countries, so "Iranian targets" can be coded as an act against Iran.

News names a state through its adjective far more often than through its name ("Israeli troops",
"a Russian official"); event coding wants the party itself. The table is written by hand, one line
per country: the country's usual English short name, then its common demonyms (adjective and
noun forms). Ambiguous adjectives are left out on purpose: "Korean" (North or South), "Arab",
"Kurdish", "Serb" (often Bosnian Serbs, not Serbia), "Soviet" (no longer a country), "Dominican"
only for the Dominican Republic, and words that name a culture more than a state ("Persian",
"Khmer"). Plurals are read by dropping a final "s".

The same table, with peoples, religions and parties that name no one state, tells a real NORP span
("Israeli", "Shiite", "Republicans") from a word NER mistook for one ("Seismologists"):
``is_group_name``.
"""

from __future__ import annotations

_TABLE = """
Afghanistan: Afghan, Afghani
Albania: Albanian
Algeria: Algerian
Andorra: Andorran
Angola: Angolan
Antigua and Barbuda: Antiguan, Barbudan
Argentina: Argentine, Argentinian, Argentinean
Armenia: Armenian
Australia: Australian, Aussie
Austria: Austrian
Azerbaijan: Azerbaijani, Azeri
Bahamas: Bahamian
Bahrain: Bahraini
Bangladesh: Bangladeshi
Barbados: Barbadian, Bajan
Belarus: Belarusian, Belarussian, Byelorussian
Belgium: Belgian
Belize: Belizean
Benin: Beninese, Beninois
Bhutan: Bhutanese
Bolivia: Bolivian
Bosnia and Herzegovina: Bosnian, Herzegovinian
Botswana: Botswanan, Motswana, Batswana
Brazil: Brazilian
Brunei: Bruneian
Bulgaria: Bulgarian
Burkina Faso: Burkinabe, Burkinabé
Burundi: Burundian
Cambodia: Cambodian
Cameroon: Cameroonian
Canada: Canadian
Cape Verde: Cape Verdean, Cabo Verdean
Central African Republic: Central African
Chad: Chadian
Chile: Chilean
China: Chinese
Colombia: Colombian
Comoros: Comoran, Comorian
Congo: Congolese
Costa Rica: Costa Rican
Croatia: Croatian, Croat
Cuba: Cuban
Cyprus: Cypriot
Czech Republic: Czech
Denmark: Danish, Dane
Djibouti: Djiboutian
Dominican Republic: Dominican
East Timor: East Timorese, Timorese
Ecuador: Ecuadorian, Ecuadorean
Egypt: Egyptian
El Salvador: Salvadoran, Salvadorean
Equatorial Guinea: Equatorial Guinean, Equatoguinean
Eritrea: Eritrean
Estonia: Estonian
Eswatini: Swazi, Emaswati
Ethiopia: Ethiopian
Fiji: Fijian
Finland: Finnish, Finn
France: French, Frenchman, Frenchmen, Frenchwoman
Gabon: Gabonese
Gambia: Gambian
Georgia: Georgian
Germany: German
Ghana: Ghanaian
Greece: Greek
Grenada: Grenadian
Guatemala: Guatemalan
Guinea: Guinean
Guinea-Bissau: Bissau-Guinean
Guyana: Guyanese
Haiti: Haitian
Honduras: Honduran
Hungary: Hungarian
Iceland: Icelandic, Icelander
India: Indian
Indonesia: Indonesian
Iran: Iranian
Iraq: Iraqi
Ireland: Irish, Irishman, Irishmen
Israel: Israeli
Italy: Italian
Ivory Coast: Ivorian
Jamaica: Jamaican
Japan: Japanese
Jordan: Jordanian
Kazakhstan: Kazakh, Kazakhstani
Kenya: Kenyan
Kiribati: I-Kiribati
Kosovo: Kosovar, Kosovan
Kuwait: Kuwaiti
Kyrgyzstan: Kyrgyz, Kyrgyzstani, Kirghiz
Laos: Lao, Laotian
Latvia: Latvian
Lebanon: Lebanese
Lesotho: Basotho, Mosotho
Liberia: Liberian
Libya: Libyan
Liechtenstein: Liechtensteiner
Lithuania: Lithuanian
Luxembourg: Luxembourgish, Luxembourger
Madagascar: Malagasy, Madagascan
Malawi: Malawian
Malaysia: Malaysian
Maldives: Maldivian
Mali: Malian
Malta: Maltese
Marshall Islands: Marshallese
Mauritania: Mauritanian
Mauritius: Mauritian
Mexico: Mexican
Micronesia: Micronesian
Moldova: Moldovan
Monaco: Monegasque, Monacan
Mongolia: Mongolian
Montenegro: Montenegrin
Morocco: Moroccan
Mozambique: Mozambican
Myanmar: Burmese, Myanmarese
Namibia: Namibian
Nauru: Nauruan
Nepal: Nepali, Nepalese
Netherlands: Dutch, Netherlander, Dutchman, Dutchmen
New Zealand: New Zealander
Nicaragua: Nicaraguan
Niger: Nigerien
Nigeria: Nigerian
North Korea: North Korean
North Macedonia: Macedonian
Norway: Norwegian
Oman: Omani
Pakistan: Pakistani
Palau: Palauan
Palestine: Palestinian
Panama: Panamanian
Papua New Guinea: Papua New Guinean
Paraguay: Paraguayan
Peru: Peruvian
Philippines: Filipino, Filipina, Philippine
Poland: Polish, Pole
Portugal: Portuguese
Qatar: Qatari
Romania: Romanian
Russia: Russian
Rwanda: Rwandan, Rwandese
Saint Kitts and Nevis: Kittitian, Nevisian
Saint Lucia: Saint Lucian
Saint Vincent and the Grenadines: Vincentian
Samoa: Samoan
San Marino: Sammarinese
Sao Tome and Principe: Santomean
Saudi Arabia: Saudi, Saudi Arabian
Senegal: Senegalese
Serbia: Serbian
Seychelles: Seychellois
Sierra Leone: Sierra Leonean
Singapore: Singaporean
Slovakia: Slovak, Slovakian
Slovenia: Slovenian, Slovene
Solomon Islands: Solomon Islander
Somalia: Somali
South Africa: South African
South Korea: South Korean
South Sudan: South Sudanese
Spain: Spanish, Spaniard
Sri Lanka: Sri Lankan
Sudan: Sudanese
Suriname: Surinamese
Sweden: Swedish, Swede
Switzerland: Swiss
Syria: Syrian
Taiwan: Taiwanese
Tajikistan: Tajik, Tajikistani
Tanzania: Tanzanian
Thailand: Thai
Togo: Togolese
Tonga: Tongan
Trinidad and Tobago: Trinidadian, Tobagonian
Tunisia: Tunisian
Turkey: Turkish, Turk
Turkmenistan: Turkmen
Tuvalu: Tuvaluan
Uganda: Ugandan
Ukraine: Ukrainian
United Arab Emirates: Emirati
United Kingdom: British, Briton
United States: American
Uruguay: Uruguayan
Uzbekistan: Uzbek, Uzbekistani
Vanuatu: Ni-Vanuatu
Venezuela: Venezuelan
Vietnam: Vietnamese
Yemen: Yemeni
Zambia: Zambian
Zimbabwe: Zimbabwean
"""


def _parse(table: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in table.strip().splitlines():
        country, _, forms = line.partition(":")
        for form in forms.split(","):
            found[" ".join(form.lower().split())] = country.strip()
    return found


DEMONYMS: dict[str, str] = _parse(_TABLE)


def country_of(word: str) -> str | None:
    """The country a demonym stands for ("Iranian" -> "Iran", "North Koreans" -> "North Korea"),
    else ``None``. Matching ignores case and spacing; a plural is tried without its final "s"."""
    key = " ".join(word.lower().replace("’", "'").split())
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return None


# What else NER may rightly call a NORP (nationality, religious or political group) though it names
# no one state: peoples and regions, religions and their followers, parties and movements. Plurals
# are read as for demonyms; "Shiite" and "Shia", "Democrat" and "Dems" are all written.
_GROUPS = frozenset(
    """
    arab arabian kurd kurdish korean serb soviet persian khmer pashtun tamil uighur uyghur rohingya
    bedouin berber druze alawite yazidi baloch hazara tatar chechen basque catalan flemish walloon
    scot scottish welsh english irish cornish slav slavic balkan baltic nordic scandinavian
    european african asian latino latina latinx hispanic caucasian aboriginal indigenous
    black white native
    muslim moslem islamic islamist jihadist salafist salafi wahhabi islam sunni shia shiite shi'ite
    christian christianity catholic protestant evangelical orthodox mormon baptist methodist lutheran
    anglican presbyterian episcopalian pentecostal quaker amish coptic copt maronite
    jew jewish judaism zionist hindu hinduism sikh buddhist buddhism jain atheist
    republican democrat democratic dem gop independent conservative liberal progressive libertarian
    socialist communist marxist maoist leninist fascist nazi neo-nazi baathist nationalist unionist
    loyalist tory tories labour
    western eastern northern southern southerner northerner westerner easterner midwesterner
    yorker islander anglo latin u.s. federalist
    """.split()
)
# Words that only modify a group ("Native Americans", "Central Asian", "Northern Europeans").
_GROUP_MODIFIERS = frozenset(
    "north south east west northeast northwest southeast southwest central northern southern eastern "
    "western middle new afro neo".split()
)
# Word endings of nationalities and peoples ("Hawaiian", "Texan", "Lebanese", "Flemish", "Iraqi"),
# read only in words of five letters or more ("Ryan" is no people).
_GROUP_ENDINGS = ("an", "ans", "ese", "ish", "i", "is")
_NOT_GROUP_PREFIXES = frozenset({"anti", "pro", "post", "pre", "non", "ex"})


def _known_group_word(word: str) -> bool:
    for key in (word, word[:-1] if word.endswith("s") else None):
        if key and (key in DEMONYMS or key in _GROUPS):
            return True
    return False


def is_group_name(text: str, *, loose: bool = True) -> bool:
    """Whether a NORP span names a nationality, religious or political group ("Israeli", "Shiite",
    "Republicans", "Native Americans"), not a word NER mistook for one ("Seismologists",
    "Harbour"). Known demonyms and groups pass in any case; with ``loose``, so does a capitalised
    word with a nationality's ending ("Hawaiian", "Ohioans"). An attitude ("anti-Muslim",
    "post-Soviet") names no group."""
    words = [w for w in text.replace("’", "'").replace("-", " ").split() if w]
    if not words or words[0].lower() in _NOT_GROUP_PREFIXES:
        return False
    if country_of(text) or country_of(" ".join(words)):
        return True
    named = False
    for word in words:
        low = word.lower()
        if _known_group_word(low):
            named = True
        elif low in _GROUP_MODIFIERS:
            continue
        elif (
            loose
            and word[:1].isupper()
            and word.isalpha()
            and len(word) >= 5
            and low.endswith(_GROUP_ENDINGS)
            and not low.endswith(("man", "men"))  # "Committeeman" is an office
        ):
            named = True
        else:
            return False
    return named
