/**
 * Word lists for the generated directory and meetings. Names mix scripts and accents on
 * purpose (Fältström, Łukasz, Nguyễn, Þórdís): name matching folds them, and a real
 * directory of a global forum is full of them.
 */

export const FIRST_NAMES = [
    'Marilyn', 'Nigel', 'Matthew', 'Torbjörn', 'Anja', 'Preetam', 'Tatiana', 'Joanna', 'Marcus', 'Paul',
    'José', 'Zoë', 'Søren', 'Łukasz', 'François', 'Jürgen', 'Åsa', 'Đorđe', 'Chiara', 'Oluwaseun',
    'Siddharth', 'Mbali', 'Hyun-woo', 'Zeynep', 'Çağla', 'Renée', 'Bartłomiej', 'Ólafur', 'Þórdís', 'Márta',
    'Ioana', 'Dmitrij', 'Aigerim', 'Thandiwe', 'Kwame', 'Amina', 'Fatou', 'Nnenna', 'Bongani', 'Wanjiru',
    'Hiroshi', 'Yuki', 'Mei', 'Xianhong', 'Wei', 'Minh', 'Anh', 'Priya', 'Arjun', 'Lakshmi',
    'Raúl', 'Inés', 'Joaquín', 'Verónica', 'Thiago', 'Luíza', 'Gonçalo', 'Maëlle', 'Hélène', 'Benoît',
    'Ingrid', 'Björn', 'Sigrún', 'Mikael', 'Anneliese', 'Grzegorz', 'Katarzyna', 'Václav', 'Zdeňka', 'Mihai',
    'Nikolaos', 'Eleni', 'Ayşe', 'Mehmet', 'Leila', 'Omar', 'Yasmin', 'Tariq', 'Noa', 'Elif',
    'Sebastián', 'Camila', 'Andrés', 'Daniela', 'Emeka', 'Chiamaka', 'Kofi', 'Abena', 'Rangi', 'Aroha'
];

export const LAST_NAMES = [
    'Cade', 'Hickson', 'Shears', 'Fredriksson', 'Gengo', 'Maloor', 'Tropina', 'Kulesza', 'Kummer', 'Wilson',
    'Fältström', 'Müller', 'Nowak', 'Kovač', 'Ødegaard', 'Ünal', 'Şahin', 'Dvořák', 'Nguyễn', 'García',
    'Pérez', 'Łukasiewicz', 'Gonçalves', 'Jónsdóttir', "O'Brien", 'Al-Hassan', "N'Diaye", 'Okonkwo', 'Mensah', 'Adeyemi',
    'Kamau', 'Otieno', 'Dlamini', 'Nkosi', 'Tanaka', 'Suzuki', 'Watanabe', 'Zhang', 'Wang', 'Li',
    'Chen', 'Park', 'Kim', 'Choi', 'Tran', 'Pham', 'Sharma', 'Iyer', 'Reddy', 'Banerjee',
    'Hernández', 'López', 'Martínez', 'Rodríguez', 'Fernández', 'Silva', 'Souza', 'Ferreira', 'Lefèvre', 'Dubois',
    'Moreau', 'Girard', 'Schäfer', 'Weiß', 'Köhler', 'Bäckström', 'Lindqvist', 'Sørensen', 'Halvorsen', 'Virtanen',
    'Mäkinen', 'Kowalski', 'Wiśniewska', 'Zieliński', 'Novák', 'Horváth', 'Popescu', 'Ionescu', 'Papadopoulos', 'Georgiou',
    'Yılmaz', 'Demir', 'Haddad', 'Khalil', 'Mansour', 'Cohen', 'Levi', 'Rossi', 'Bianchi', 'Esposito',
    'Van der Berg', 'De Vries', 'Janssens', 'Petrović', 'Jovanović', 'Ivanova', 'Smirnov', 'Abdullayev', 'Nurlanovna', 'Mwangi',
    'Asante', 'Boateng', 'Eze', 'Nwosu', 'Tui', 'Ngata', 'Hughes', 'Campbell', 'MacLeod', 'Ó Súilleabháin',
    'Forsberg', 'Ekström', 'Åkesson', 'Þorsteinsson', 'Guðmundsdóttir', 'Øvrebø', 'Ågren', 'Čapek', 'Šimková', 'Žukauskas'
];

export const HONORIFICS = ['Ms', 'Mr', 'Dr', 'Ambassador', 'Professor', 'Mrs'];

export const ROLES = [
    'Chair of the working group', 'Director General', 'Head of Global Internet Policy', 'Senior Policy Adviser',
    'Programme Officer', 'Vice-Chair', 'Rapporteur', 'Member of the Board', 'Counsellor, Permanent Mission',
    'Head of Unit, Digital Policy', 'Researcher', 'Co-ordinator of the national IGF', 'Legal Officer',
    'Executive Director', 'Secretary-General', 'Technical Adviser', 'Deputy Head of Delegation'
];

export const COUNTRIES = [
    'Russia', 'Botswana', 'Namibia', 'Brazil', 'India', 'Kenya', 'Germany', 'France', 'Japan', 'Canada',
    'Côte d\'Ivoire', 'Türkiye', 'São Tomé and Príncipe', 'Curaçao', 'Réunion', 'México', 'Perú', 'España', 'Österreich', 'Sverige',
    'Norge', 'Danmark', 'Suomi', 'Ísland', 'Polska', 'Česko', 'Slovensko', 'Magyarország', 'România', 'Ελλάδα',
    'Nigeria', 'Ghana', 'Senegal', 'Egypt', 'Tunisia', 'Morocco', 'South Africa', 'Ethiopia', 'Rwanda', 'Uganda',
    'Indonesia', 'Viet Nam', 'Thailand', 'Philippines', 'Malaysia', 'Singapore', 'Australia', 'New Zealand', 'Aotearoa', 'Fiji',
    'Argentina', 'Chile', 'Colombia', 'Ecuador', 'Uruguay', 'Paraguay', 'Bolivia', 'Venezuela', 'Cuba', 'Jamaica'
];

export const ORG_WORDS = {
    first: ['International', 'Global', 'Regional', 'National', 'African', 'Asia Pacific', 'European', 'Latin American',
        'Arab', 'Nordic', 'Caribbean', 'Pacific', 'Open', 'Digital', 'Internet', 'Civil Society', 'Youth'],
    middle: ['Telecommunication', 'Network', 'Internet', 'Cybersecurity', 'Data Protection', 'Human Rights', 'Trade',
        'Development', 'Research', 'Domain Name', 'Standards', 'Broadband', 'Education', 'Media', 'Privacy', 'Governance'],
    last: ['Union', 'Centre', 'Council', 'Forum', 'Alliance', 'Institute', 'Association', 'Society', 'Foundation',
        'Coalition', 'Commission', 'Authority', 'Observatory', 'Network', 'Initiative', 'Partnership'],
    local: ['Agence nationale de la sécurité numérique', 'Bundesamt für Sicherheit in der Informationstechnik',
        'Østersjøens Digitale Råd', 'Fundação de Pesquisa em Rede', 'Instituto Nacional de Tecnologías de la Información',
        'Société Numérique du Québec', 'Zürcher Forum für Netzpolitik', 'Центр интернет-исследований', 'Ağ Yönetişimi Derneği',
        'Fundación Vía Libre', 'Stichting Open Netwerken', 'Związek Cyfrowy', 'Κέντρο Ψηφιακής Πολιτικής']
};

export const STAKEHOLDERS = [
    'government', 'intergovernmental', 'civil society', 'private sector', 'technical community', 'academia'
];

export const TOPICS = [
    'Main outcomes on the IG front', 'Look ahead to the main issues', 'Working Group on Enhanced Cooperation',
    'Proposed table of contents', 'Internet Governance priorities', 'Cybersecurity norms and confidence building',
    'Capacity building in developing countries', 'E-commerce and the digital economy', 'Data protection and privacy',
    'The IANA Transition and accountability', 'National and Regional IGF Initiatives', 'Best Practice Forums',
    'Universal acceptance of domain names', 'Sustainable Development Goals and connectivity', 'Artificial intelligence',
    'Internet of Things security', 'Human rights online', 'Digital inclusion and gender', 'Content moderation',
    'Infrastructure and community networks', 'The WSIS+10 review', 'Open consultations and the MAG',
    'Budget and work plan', 'Any other business', 'Engagement with the wider community', 'Dates of the next meeting'
];

export const EVENTS = [
    'WSIS Forum', 'Internet Governance Forum', 'ICANN Public Meeting', 'CSTD Intersessional Panel', 'EuroDIG',
    'African IGF', 'APrIGF', 'LACIGF', 'Arab IGF', 'Youth IGF', 'ITU Council Working Group', 'OECD Digital Ministerial'
];

export const VENUES = [
    'Geneva, CICG', 'Geneva, ITU Tower', 'Paris, UNESCO', 'New York, UN Headquarters', 'Copenhagen, Bella Center',
    'Kobe, Portopia', 'Addis Ababa, UNECA', 'Kraków, ICE', 'Berlin, Estrel', 'Riyadh, KAICC', 'Kyoto, ICC Kyoto',
    'São Paulo, WTC', 'Montréal, Palais des congrès', 'Online'
];

export const CITIES_OF_MEETINGS = ['teleconference', 'session', 'workshop', 'open forum', 'main session', 'working meeting'];

export const GREETINGS = ['Good afternoon.', 'Good morning.', 'Dear all,', 'Dear colleagues,', 'Hi all,'];

export const SIGN_OFFS = ['GE; 23/3', 'Best regards', 'Kind regards', 'With thanks', 'Regards, the Secretariat'];

export const QUALIFIER_VERBS = ['replying to', 'in answer to', 'in response to'];

export const SAYING_VERBS = ['noted', 'said', 'asked whether', 'agreed that', 'stressed that', 'recalled that', 'suggested that', 'thought that'];
