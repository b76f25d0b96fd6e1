"""Public names: countries (with aliases and demonyms), capitals and major cities, US states,
regions, and well-known organisations and news outlets, each mapped to one canonical name.

Written from public facts, so entity typing and aliasing work without any model download.
Lookups are exact on the written form (dots dropped, apostrophes straightened), so "US",
"U.S." and "USA" meet, while the pronoun "us" never does.
"""

from __future__ import annotations

from functools import lru_cache

# canonical ; other names ; demonyms (the first one is the adjective used in names such as
# "Iraqi Parliament")
_COUNTRIES = """
Afghanistan;;Afghan
Albania;;Albanian
Algeria;;Algerian
Andorra;;Andorran
Angola;;Angolan
Argentina;;Argentine,Argentinian
Armenia;;Armenian
Australia;;Australian
Austria;;Austrian
Azerbaijan;;Azerbaijani,Azeri
Bahamas;The Bahamas;Bahamian
Bahrain;;Bahraini
Bangladesh;;Bangladeshi
Barbados;;Barbadian
Belarus;;Belarusian
Belgium;;Belgian
Belize;;Belizean
Benin;;Beninese
Bhutan;;Bhutanese
Bolivia;;Bolivian
Bosnia and Herzegovina;Bosnia;Bosnian
Botswana;;Botswanan
Brazil;;Brazilian
Brunei;;Bruneian
Bulgaria;;Bulgarian
Burkina Faso;;Burkinabe
Burundi;;Burundian
Cambodia;;Cambodian
Cameroon;;Cameroonian
Canada;;Canadian
Cape Verde;Cabo Verde;Cape Verdean
Central African Republic;CAR;Central African
Chad;;Chadian
Chile;;Chilean
China;People's Republic of China,PRC,Beijing's;Chinese
Colombia;;Colombian
Comoros;;Comoran
Congo;Republic of the Congo,Congo-Brazzaville;Congolese
Democratic Republic of the Congo;DRC,DR Congo,Congo-Kinshasa;
Costa Rica;;Costa Rican
Croatia;;Croatian,Croat
Cuba;;Cuban
Cyprus;;Cypriot
Czech Republic;Czechia;Czech
Denmark;;Danish,Dane
Djibouti;;Djiboutian
Dominican Republic;;Dominican
Ecuador;;Ecuadorian
Egypt;;Egyptian
El Salvador;;Salvadoran,Salvadorean
Equatorial Guinea;;Equatoguinean
Eritrea;;Eritrean
Estonia;;Estonian
Eswatini;Swaziland;Swazi
Ethiopia;;Ethiopian
Fiji;;Fijian
Finland;;Finnish,Finn
France;;French
Gabon;;Gabonese
Gambia;The Gambia;Gambian
Georgia;;Georgian
Germany;;German
Ghana;;Ghanaian
Greece;;Greek
Guatemala;;Guatemalan
Guinea;;Guinean
Guinea-Bissau;;Bissau-Guinean
Guyana;;Guyanese
Haiti;;Haitian
Honduras;;Honduran
Hungary;;Hungarian
Iceland;;Icelandic,Icelander
India;;Indian
Indonesia;;Indonesian
Iran;Islamic Republic of Iran,Persia;Iranian,Persian
Iraq;Republic of Iraq;Iraqi
Ireland;Irish Republic;Irish
Israel;State of Israel;Israeli
Italy;;Italian
Ivory Coast;Cote d'Ivoire,Côte d'Ivoire;Ivorian
Jamaica;;Jamaican
Japan;;Japanese
Jordan;;Jordanian
Kazakhstan;;Kazakh,Kazakhstani
Kenya;;Kenyan
Kosovo;;Kosovar
Kuwait;;Kuwaiti
Kyrgyzstan;;Kyrgyz
Laos;;Laotian,Lao
Latvia;;Latvian
Lebanon;;Lebanese
Lesotho;;Basotho
Liberia;;Liberian
Libya;;Libyan
Liechtenstein;;
Lithuania;;Lithuanian
Luxembourg;;Luxembourgish
Madagascar;;Malagasy
Malawi;;Malawian
Malaysia;;Malaysian
Maldives;;Maldivian
Mali;;Malian
Malta;;Maltese
Mauritania;;Mauritanian
Mauritius;;Mauritian
Mexico;;Mexican
Moldova;;Moldovan
Monaco;;Monegasque
Mongolia;;Mongolian
Montenegro;;Montenegrin
Morocco;;Moroccan
Mozambique;;Mozambican
Myanmar;Burma;Burmese
Namibia;;Namibian
Nepal;;Nepalese,Nepali
Netherlands;Holland,The Netherlands;Dutch
New Zealand;;New Zealander
Nicaragua;;Nicaraguan
Niger;;Nigerien
Nigeria;;Nigerian
North Korea;DPRK,Democratic People's Republic of Korea,Pyongyang's;North Korean
North Macedonia;Macedonia;Macedonian
Norway;;Norwegian
Oman;;Omani
Pakistan;;Pakistani
Palestine;Palestinian territories,State of Palestine;Palestinian
Panama;;Panamanian
Papua New Guinea;PNG;Papua New Guinean
Paraguay;;Paraguayan
Peru;;Peruvian
Philippines;The Philippines;Filipino,Philippine
Poland;;Polish,Pole
Portugal;;Portuguese
Qatar;;Qatari
Romania;;Romanian
Russia;Russian Federation;Russian
Rwanda;;Rwandan
Saudi Arabia;Kingdom of Saudi Arabia,KSA;Saudi
Senegal;;Senegalese
Serbia;;Serbian,Serb
Sierra Leone;;Sierra Leonean
Singapore;;Singaporean
Slovakia;;Slovak
Slovenia;;Slovenian,Slovene
Somalia;;Somali
South Africa;;South African
South Korea;Republic of Korea,ROK;South Korean
South Sudan;;South Sudanese
Spain;;Spanish,Spaniard
Sri Lanka;;Sri Lankan
Sudan;;Sudanese
Suriname;;Surinamese
Sweden;;Swedish,Swede
Switzerland;;Swiss
Syria;Syrian Arab Republic;Syrian
Taiwan;Republic of China;Taiwanese
Tajikistan;;Tajik
Tanzania;;Tanzanian
Thailand;;Thai
Togo;;Togolese
Trinidad and Tobago;;Trinidadian
Tunisia;;Tunisian
Turkey;Turkiye,Türkiye;Turkish,Turk
Turkmenistan;;Turkmen
Uganda;;Ugandan
Ukraine;;Ukrainian
United Arab Emirates;UAE,Emirates;Emirati
United Kingdom;UK,U.K.,Britain,Great Britain;British,Briton
United States;US,U.S.,USA,U.S.A.,America,United States of America;US,American
Uruguay;;Uruguayan
Uzbekistan;;Uzbek
Venezuela;;Venezuelan
Vietnam;Viet Nam;Vietnamese
Yemen;;Yemeni
Zambia;;Zambian
Zimbabwe;;Zimbabwean
"""

_CITIES = """
Abu Dhabi,Accra,Addis Ababa,Aden,Aleppo,Algiers,Amman,Amsterdam,Ankara,Antananarivo,Astana,
Athens,Atlanta,Austin,Baghdad,Baku,Baltimore,Bamako,Bangkok,Bangui,Barcelona,Basra,Beijing,
Beirut,Belgrade,Benghazi,Berlin,Bern,Bogota,Bogotá,Boston,Brasilia,Brasília,Bratislava,
Brussels,Bucharest,Budapest,Buenos Aires,Cairo,Calcutta,Canberra,Cape Town,Caracas,
Casablanca,Charlotte,Chennai,Chicago,Chisinau,Cleveland,Colombo,Conakry,Copenhagen,Dakar,
Dallas,Damascus,Dar es Salaam,Delhi,Denver,Detroit,Dhaka,Doha,Donetsk,Dubai,Dublin,Dushanbe,
Edinburgh,Erbil,Fallujah,Frankfurt,Freetown,Gaza City,Geneva,Glasgow,Hamburg,Hanoi,Harare,
Havana,Helsinki,Hiroshima,Ho Chi Minh City,Hong Kong,Honolulu,Houston,Islamabad,Istanbul,
Jakarta,Jeddah,Jerusalem,Johannesburg,Juba,Kabul,Kampala,Kandahar,Karachi,Kathmandu,Khartoum,
Kharkiv,Kigali,Kinshasa,Kirkuk,Kyiv,Kiev,Kuala Lumpur,Kuwait City,Lagos,Lahore,La Paz,
Las Vegas,Libreville,Lilongwe,Lima,Lisbon,Ljubljana,London,Los Angeles,Luanda,Lusaka,
Luxembourg City,Lyon,Madrid,Managua,Manama,Manchester,Manila,Maputo,Marseille,Mecca,Medina,
Melbourne,Mexico City,Miami,Milan,Minneapolis,Minsk,Mogadishu,Mombasa,Monrovia,Montevideo,
Montreal,Moscow,Mosul,Mumbai,Munich,Muscat,Nairobi,Najaf,Naples,Nashville,New Delhi,
New Orleans,New York,New York City,Niamey,Nicosia,Nouakchott,Odesa,Odessa,Osaka,Oslo,Ottawa,
Ouagadougou,Panama City,Paris,Perth,Philadelphia,Phnom Penh,Phoenix,Pittsburgh,Podgorica,
Port-au-Prince,Portland,Prague,Pretoria,Pristina,Pyongyang,Quito,Rabat,Ramadi,Ramallah,
Rangoon,Raqqa,Reykjavik,Riga,Rio de Janeiro,Riyadh,Rome,Saint Petersburg,St. Petersburg,
Sacramento,Salt Lake City,San Diego,San Francisco,San Jose,Sanaa,Sana'a,Santiago,
Santo Domingo,Sao Paulo,São Paulo,Sarajevo,Seattle,Seoul,Shanghai,Singapore City,Skopje,
Sofia,Stockholm,Sydney,Taipei,Tallinn,Tashkent,Tbilisi,Tegucigalpa,Tehran,Tel Aviv,Tikrit,
Tirana,Tokyo,Toronto,Tripoli,Tunis,Ulaanbaatar,Vancouver,Vienna,Vientiane,Vilnius,Warsaw,
Washington,Washington D.C.,Washington DC,Wellington,Windhoek,Yangon,Yaounde,Yerevan,Zagreb,
Zurich
"""

_US_STATES = """
Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,Hawaii,Idaho,
Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,Michigan,
Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,
North Carolina,North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,
South Dakota,Tennessee,Texas,Utah,Vermont,Virginia,West Virginia,Wisconsin,Wyoming,
District of Columbia,Puerto Rico,Guam
"""

_REGIONS = """
Africa,Asia,Europe,North America,South America,Latin America,Central America,Oceania,
Antarctica,Arctic,Middle East,Near East,Far East,Gulf,Persian Gulf,Arabian Peninsula,
Balkans,Baltics,Caucasus,Central Asia,South Asia,Southeast Asia,East Asia,Sahel,Sahara,
Horn of Africa,North Africa,West Africa,East Africa,Scandinavia,Siberia,Caribbean,
Mediterranean,Black Sea,Red Sea,Caspian Sea,South China Sea,Strait of Hormuz,Gaza,Gaza Strip,
West Bank,Golan Heights,Sinai,Kurdistan,Crimea,Donbas,Kashmir,Tibet,Xinjiang,Anbar,
Green Zone,Capitol Hill,Wall Street,Silicon Valley,Midwest,New England,Western Europe,
Eastern Europe,Euphrates,Tigris,Nile
"""

# canonical ; other names. Outlets and platforms are organisations too.
_ORGANIZATIONS = """
United Nations;UN,U.N.,UN Security Council,Security Council
North Atlantic Treaty Organization;NATO
European Union;EU,E.U.
International Monetary Fund;IMF
World Bank;
World Health Organization;WHO
World Trade Organization;WTO
Organization of the Petroleum Exporting Countries;OPEC
African Union;AU
Arab League;League of Arab States
Association of Southeast Asian Nations;ASEAN
International Criminal Court;ICC
International Committee of the Red Cross;Red Cross,ICRC
Amnesty International;Amnesty
Human Rights Watch;HRW
Pentagon;Department of Defense,Defense Department,DoD,US Department of Defense
White House;
Kremlin;
State Department;Department of State,US State Department
Department of Homeland Security;Homeland Security,DHS
Department of Justice;Justice Department,DOJ
Treasury Department;Department of the Treasury,Treasury
Congress;US Congress,U.S. Congress
Senate;US Senate,U.S. Senate
House of Representatives;House
Supreme Court;US Supreme Court
Federal Bureau of Investigation;FBI
Central Intelligence Agency;CIA
National Security Agency;NSA
National Security Council;NSC
Federal Reserve;Fed
Joint Chiefs of Staff;Joint Chiefs
United States Central Command;CENTCOM,Central Command,US Central Command
United States Army;US Army,U.S. Army,Army
United States Navy;US Navy,U.S. Navy,Navy
United States Air Force;US Air Force,U.S. Air Force,Air Force
United States Marine Corps;US Marine Corps,U.S. Marine Corps,Marine Corps,USMC,Marines,Marine
National Guard;
Coast Guard;
Combined Joint Task Force – Operation Inherent Resolve;CJTF-OIR,Operation Inherent Resolve
Task Force Iraq;Combined Joint Task Force Iraq,Task Force–Iraq,CJTF-Iraq
Democratic Party;Democrats,Democrat,Democratic National Committee,DNC
Republican Party;Republicans,Republican,GOP,Republican National Committee,RNC
Islamic State;ISIS,ISIL,Daesh,Islamic State group,Islamic State of Iraq and Syria
al-Qaeda;al Qaeda,Al Qaeda,Al-Qaeda,al-Qaida
Taliban;
Hamas;
Hezbollah;Hizbollah,Hizballah
Houthis;Houthi,Ansar Allah
Boko Haram;
al-Shabab;al-Shabaab,Al-Shabaab
Islamic Revolutionary Guard Corps;IRGC,Revolutionary Guards,Revolutionary Guard
Quds Force;
Kataib Hezbollah;Kata'ib Hezbollah
Popular Mobilization Forces;PMF,Popular Mobilisation Forces,Hashd al-Shaabi
Reuters;Thomson Reuters
Associated Press;AP
Agence France-Presse;AFP,Agence France Presse
Bloomberg;Bloomberg News
BBC;British Broadcasting Corporation,BBC News
CNN;Cable News Network
NPR;National Public Radio
PBS;
ABC News;ABC
NBC News;NBC
CBS News;CBS
Fox News;
MSNBC;
CNBC;
Al Jazeera;Al-Jazeera,Aljazeera
Al Arabiya;Al-Arabiya
The New York Times;New York Times,NYT
The Washington Post;Washington Post
The Wall Street Journal;Wall Street Journal,WSJ
USA Today;
Los Angeles Times;LA Times
Chicago Tribune;
The Boston Globe;Boston Globe
New York Post;
New York Daily News;Daily News,NY Daily News
The Guardian;Guardian
The Times;Times of London
The Daily Telegraph;Telegraph,The Telegraph
Financial Times;FT
The Economist;
Daily Mail;Mail Online,MailOnline
The Independent;
Sky News;
Politico;
The Hill;
Axios;
Yahoo News;Yahoo
HuffPost;Huffington Post,The Huffington Post
Breitbart;Breitbart News
The Daily Beast;Daily Beast
BuzzFeed News;BuzzFeed
Vox;
Newsweek;
Time magazine;TIME
The Atlantic;
National Review;
Haaretz;
The Times of Israel;Times of Israel
The Jerusalem Post;Jerusalem Post
Xinhua;Xinhua News Agency
TASS;
RIA Novosti;
Interfax;
Kyodo;Kyodo News
Yonhap;
Anadolu Agency;Anadolu
Deutsche Welle;DW
France 24;
Der Spiegel;Spiegel
Le Monde;
El País;El Pais
PJ Media;
Twitter;
Facebook;
Google;Alphabet
Instagram;
YouTube;
Microsoft;
Apple;
Amazon;
"""

# Words that end an organisation name ("Marine Corps", "Yahoo News", "Iraqi Parliament").
ORG_SUFFIXES = frozenset(
    """Ministry Parliament Corps Command Group Council Agency Press News Times Post Party Army
    Navy Force Forces Department Committee Commission Assembly Congress Senate Court Bank Fund
    Organization Organisation Union Association Institute University College Foundation Company
    Corporation Inc Ltd LLC Co Corp Authority Bureau Office Board Service Services Federation
    League Alliance Front Movement Brigade Brigades Battalion Division Regiment Guard Guards
    Police Tribune Journal Herald Gazette Telegraph Chronicle Review Magazine Radio Television
    TV Network Media Channel Airlines Airways Industries Holdings Partners Capital Institution
    Cabinet Embassy Consulate Mission Secretariat Directorate Administration Coalition Polytechnic
    Academy School Hospital Clinic Museum Library Motors""".split()
)

# Words that open a place name ("Port Halvard", "Fort Worth", "Lake Chad").
PLACE_PREFIXES = frozenset("Port Fort Mount Lake Cape Saint San Santa".split())

# Words that end a place name ("Palm Beach", "Lower Quay", "Halvard Harbour Bridge").
PLACE_SUFFIXES = frozenset(
    """Street Avenue Road Lane Square Bridge Quay Wharf Beach River Lake Island Islands Mountains
    Mountain Valley Bay Strait Province County District Region Zone Airport Park Hill Hills
    Heights Desert Peninsula Canal Harbour Harbor Coast Camp Fort""".split()
)

# Nouns that name a country's institution in lower case ("the Iraqi parliament").
INSTITUTIONS = frozenset(
    """parliament government military army navy cabinet embassy legislature judiciary
    presidency""".split()
)

# Capitalised names that are neither places nor organisations, kept from being read as one.
_OTHER = "Air Force One,Mar-a-Lago,Oval Office,Situation Room,Camp David,Brexit,Obamacare,Medicare,Medicaid"

PLACE, ORGANIZATION, OTHER = "place", "organization", "other"


def _key(surface: str) -> str:
    return surface.replace(".", "").replace("’", "'").strip()


def _build() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    adjectives: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        canonical, others, demonyms = line.split(";")
        adjectives[canonical] = demonyms.split(",")[0] if demonyms else canonical
        for name in [canonical, *others.split(","), *demonyms.split(",")]:
            if name:
                names.setdefault(_key(name), (canonical, PLACE))
                if demonyms and name in demonyms.split(","):
                    names.setdefault(_key(name) + "s", (canonical, PLACE))
    for block in (_CITIES, _US_STATES, _REGIONS):
        for name in block.replace("\n", "").split(","):
            names.setdefault(_key(name), (name.strip(), PLACE))
    for name in _OTHER.split(","):
        names[_key(name)] = (name, OTHER)
    for line in _ORGANIZATIONS.strip().splitlines():
        canonical, others = line.split(";")
        for name in [canonical, *others.split(",")]:
            if name:
                names[_key(name)] = (canonical, ORGANIZATION)
    return names, adjectives


_NAMES, _ADJECTIVES = _build()
MAX_NAME_WORDS = max(len(key.split()) for key in _NAMES)


@lru_cache(maxsize=65536)
def lookup(surface: str) -> tuple[str, str] | None:
    """(canonical name, "place" | "organization" | "other") for a known name, demonym or alias."""
    key = _key(surface)
    found = _NAMES.get(key)
    if found is None and key.isupper() and len(key) > 4:
        found = _NAMES.get(key.title())
    return found


def adjective(country: str) -> str:
    """The form used in front of an institution: "Iraq" -> "Iraqi", "United States" -> "US"."""
    return _ADJECTIVES.get(country, country)


def is_country(canonical: str) -> bool:
    return canonical in _ADJECTIVES
