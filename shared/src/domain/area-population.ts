import { MappaArea } from './mappa-area';

/**
 * Resident population of each MAPPA area (one police force area; London is the Metropolitan and City
 * of London forces together), and the local authorities in it with their own populations.
 *
 * Approximations of the Office for National Statistics mid-2021 population estimates for England and
 * Wales (Census 2021 based) by local authority, rounded to the nearest thousand and written from memory
 * of that table, not copied from it (the table could not be reached when this was written); an area's
 * population is the sum of its authorities'. They are synthetic-data inputs: they drive the synthetic
 * data's area sizes and the "registered sex offenders per 100,000 population" rate (annual report,
 * C §7.3), nothing else. Replace them with the ONS table before any figure built on them is quoted.
 *
 * The annual report's rate excludes children under ten ("excluding those aged less than ten years of
 * age", seed 004); the per-authority single-year-of-age split is not held here, so the national share
 * aged ten or over (`SHARE_AGED_TEN_OR_OVER`, mid-2021) stands in for every area.
 */
export const LOCAL_AUTHORITIES_BY_AREA: Readonly<Record<MappaArea, readonly (readonly [name: string, population: number])[]>> = {
  [MappaArea.AVON_AND_SOMERSET]: [['Bristol', 472_000], ['Bath and North East Somerset', 193_000], ['North Somerset', 216_000], ['South Gloucestershire', 290_000], ['Somerset', 571_000]],
  [MappaArea.BEDFORDSHIRE]: [['Bedford', 185_000], ['Central Bedfordshire', 295_000], ['Luton', 225_000]],
  [MappaArea.CAMBRIDGESHIRE]: [['Cambridge', 146_000], ['East Cambridgeshire', 88_000], ['Fenland', 102_000], ['Huntingdonshire', 180_000], ['South Cambridgeshire', 163_000], ['Peterborough', 216_000]],
  [MappaArea.CHESHIRE]: [['Cheshire East', 398_000], ['Cheshire West and Chester', 357_000], ['Halton', 128_000], ['Warrington', 211_000]],
  [MappaArea.CLEVELAND]: [['Hartlepool', 92_000], ['Middlesbrough', 143_000], ['Redcar and Cleveland', 137_000], ['Stockton-on-Tees', 197_000]],
  [MappaArea.CUMBRIA]: [['Allerdale', 96_000], ['Barrow-in-Furness', 67_000], ['Carlisle', 110_000], ['Copeland', 68_000], ['Eden', 55_000], ['South Lakeland', 104_000]],
  [MappaArea.DERBYSHIRE]: [['Derby', 261_000], ['Amber Valley', 126_000], ['Chesterfield', 103_000], ['Erewash', 112_000], ['High Peak', 91_000], ['North East Derbyshire', 102_000], ['South Derbyshire', 107_000], ['Bolsover', 81_000], ['Derbyshire Dales', 72_000]],
  [MappaArea.DEVON_AND_CORNWALL]: [['Cornwall', 572_000], ['Plymouth', 264_000], ['Torbay', 139_000], ['Exeter', 131_000], ['East Devon', 150_000], ['Teignbridge', 134_000], ['North Devon', 98_000], ['South Hams', 88_000], ['Mid Devon', 83_000], ['Torridge', 68_000], ['West Devon', 57_000]],
  [MappaArea.DORSET]: [['Bournemouth, Christchurch and Poole', 400_000], ['Dorset', 379_000]],
  [MappaArea.DURHAM]: [['County Durham', 522_000], ['Darlington', 108_000]],
  [MappaArea.DYFED_POWYS]: [['Carmarthenshire', 188_000], ['Ceredigion', 71_000], ['Pembrokeshire', 123_000], ['Powys', 133_000]],
  [MappaArea.ESSEX]: [['Southend-on-Sea', 181_000], ['Thurrock', 176_000], ['Basildon', 188_000], ['Chelmsford', 181_000], ['Colchester', 192_000], ['Braintree', 154_000], ['Epping Forest', 134_000], ['Tendring', 148_000], ['Uttlesford', 92_000], ['Brentwood', 77_000], ['Castle Point', 90_000], ['Harlow', 94_000], ['Maldon', 66_000], ['Rochford', 87_000]],
  [MappaArea.GLOUCESTERSHIRE]: [['Gloucester', 132_000], ['Cheltenham', 119_000], ['Stroud', 122_000], ['Tewkesbury', 96_000], ['Cotswold', 91_000], ['Forest of Dean', 86_000]],
  [MappaArea.GREATER_MANCHESTER]: [['Manchester', 552_000], ['Bolton', 296_000], ['Bury', 194_000], ['Oldham', 242_000], ['Rochdale', 223_000], ['Salford', 270_000], ['Stockport', 294_000], ['Tameside', 231_000], ['Trafford', 235_000], ['Wigan', 331_000]],
  [MappaArea.GWENT]: [['Blaenau Gwent', 67_000], ['Caerphilly', 176_000], ['Monmouthshire', 93_000], ['Newport', 160_000], ['Torfaen', 92_000]],
  [MappaArea.HAMPSHIRE]: [['Portsmouth', 208_000], ['Southampton', 249_000], ['Isle of Wight', 140_000], ['Basingstoke and Deane', 185_000], ['New Forest', 176_000], ['Winchester', 127_000], ['Test Valley', 130_000], ['Eastleigh', 137_000], ['Fareham', 113_000], ['Havant', 126_000], ['East Hampshire', 126_000], ['Hart', 100_000], ['Rushmoor', 99_000], ['Gosport', 82_000]],
  [MappaArea.HERTFORDSHIRE]: [['St Albans', 148_000], ['Dacorum', 155_000], ['East Hertfordshire', 151_000], ['North Hertfordshire', 134_000], ['Three Rivers', 94_000], ['Watford', 103_000], ['Hertsmere', 107_000], ['Welwyn Hatfield', 120_000], ['Stevenage', 90_000], ['Broxbourne', 97_000]],
  [MappaArea.HUMBERSIDE]: [['Kingston upon Hull', 267_000], ['East Riding of Yorkshire', 342_000], ['North East Lincolnshire', 157_000], ['North Lincolnshire', 169_000]],
  [MappaArea.KENT]: [['Medway', 279_000], ['Maidstone', 176_000], ['Canterbury', 157_000], ['Swale', 152_000], ['Thanet', 141_000], ['Ashford', 133_000], ['Tonbridge and Malling', 132_000], ['Sevenoaks', 121_000], ['Tunbridge Wells', 116_000], ['Dartford', 117_000], ['Folkestone and Hythe', 110_000], ['Gravesham', 106_000], ['Dover', 116_000]],
  [MappaArea.LANCASHIRE]: [['Blackburn with Darwen', 154_000], ['Blackpool', 141_000], ['Preston', 147_000], ['Lancaster', 142_000], ['Wyre', 112_000], ['Chorley', 118_000], ['South Ribble', 111_000], ['West Lancashire', 117_000], ['Burnley', 95_000], ['Pendle', 96_000], ['Fylde', 81_000], ['Hyndburn', 82_000], ['Rossendale', 71_000], ['Ribble Valley', 63_000]],
  [MappaArea.LEICESTERSHIRE]: [['Leicester', 368_000], ['Rutland', 41_000], ['Charnwood', 183_000], ['Hinckley and Bosworth', 113_000], ['North West Leicestershire', 104_000], ['Blaby', 102_000], ['Harborough', 97_000], ['Melton', 51_000], ['Oadby and Wigston', 57_000]],
  [MappaArea.LINCOLNSHIRE]: [['Lincoln', 104_000], ['North Kesteven', 118_000], ['South Kesteven', 143_000], ['East Lindsey', 143_000], ['South Holland', 96_000], ['West Lindsey', 96_000], ['Boston', 70_000]],
  [MappaArea.LONDON]: [['City of London', 9_000], ['Barnet', 389_000], ['Croydon', 391_000], ['Ealing', 367_000], ['Newham', 351_000], ['Brent', 339_000], ['Bromley', 330_000], ['Tower Hamlets', 310_000], ['Lambeth', 317_000], ['Southwark', 307_000], ['Wandsworth', 328_000], ['Enfield', 330_000], ['Redbridge', 310_000], ['Hillingdon', 305_000], ['Lewisham', 300_000], ['Greenwich', 289_000], ['Haringey', 264_000], ['Hounslow', 288_000], ['Waltham Forest', 278_000], ['Havering', 262_000], ['Bexley', 246_000], ['Harrow', 261_000], ['Hackney', 259_000], ['Camden', 210_000], ['Islington', 217_000], ['Barking and Dagenham', 219_000], ['Merton', 215_000], ['Westminster', 205_000], ['Sutton', 209_000], ['Richmond upon Thames', 195_000], ['Hammersmith and Fulham', 183_000], ['Kingston upon Thames', 168_000], ['Kensington and Chelsea', 143_000]],
  [MappaArea.MERSEYSIDE]: [['Liverpool', 487_000], ['Wirral', 320_000], ['Sefton', 280_000], ['St Helens', 183_000], ['Knowsley', 154_000]],
  [MappaArea.NORFOLK]: [['Norwich', 144_000], ['Breckland', 141_000], ['Broadland', 132_000], ['South Norfolk', 142_000], ['King\'s Lynn and West Norfolk', 154_000], ['North Norfolk', 103_000], ['Great Yarmouth', 101_000]],
  [MappaArea.NORTH_WALES]: [['Isle of Anglesey', 69_000], ['Conwy', 114_000], ['Denbighshire', 96_000], ['Flintshire', 155_000], ['Gwynedd', 117_000], ['Wrexham', 135_000]],
  [MappaArea.NORTH_YORKSHIRE]: [['York', 202_000], ['Harrogate', 162_000], ['Scarborough', 108_000], ['Hambleton', 92_000], ['Selby', 92_000], ['Craven', 57_000], ['Richmondshire', 50_000], ['Ryedale', 54_000]],
  [MappaArea.NORTHAMPTONSHIRE]: [['North Northamptonshire', 359_000], ['West Northamptonshire', 428_000]],
  [MappaArea.NORTHUMBRIA]: [['Newcastle upon Tyne', 300_000], ['Sunderland', 274_000], ['Gateshead', 196_000], ['North Tyneside', 209_000], ['South Tyneside', 148_000], ['Northumberland', 320_000]],
  [MappaArea.NOTTINGHAMSHIRE]: [['Nottingham', 324_000], ['Ashfield', 127_000], ['Bassetlaw', 117_000], ['Broxtowe', 109_000], ['Gedling', 117_000], ['Mansfield', 111_000], ['Newark and Sherwood', 123_000], ['Rushcliffe', 121_000]],
  [MappaArea.SOUTH_WALES]: [['Cardiff', 362_000], ['Swansea', 238_000], ['Rhondda Cynon Taf', 237_000], ['Bridgend', 146_000], ['Neath Port Talbot', 142_000], ['Vale of Glamorgan', 132_000], ['Merthyr Tydfil', 59_000]],
  [MappaArea.SOUTH_YORKSHIRE]: [['Sheffield', 556_000], ['Doncaster', 308_000], ['Rotherham', 265_000], ['Barnsley', 245_000]],
  [MappaArea.STAFFORDSHIRE]: [['Stoke-on-Trent', 258_000], ['Stafford', 137_000], ['Newcastle-under-Lyme', 123_000], ['South Staffordshire', 110_000], ['East Staffordshire', 124_000], ['Lichfield', 106_000], ['Cannock Chase', 101_000], ['Staffordshire Moorlands', 95_000], ['Tamworth', 79_000]],
  [MappaArea.SUFFOLK]: [['Ipswich', 139_000], ['East Suffolk', 247_000], ['West Suffolk', 180_000], ['Babergh', 92_000], ['Mid Suffolk', 103_000]],
  [MappaArea.SURREY]: [['Guildford', 144_000], ['Reigate and Banstead', 151_000], ['Elmbridge', 139_000], ['Waverley', 128_000], ['Woking', 103_000], ['Runnymede', 88_000], ['Spelthorne', 103_000], ['Surrey Heath', 90_000], ['Tandridge', 88_000], ['Mole Valley', 87_000], ['Epsom and Ewell', 82_000]],
  [MappaArea.SUSSEX]: [['Brighton and Hove', 277_000], ['Crawley', 118_000], ['Horsham', 147_000], ['Mid Sussex', 153_000], ['Chichester', 124_000], ['Arun', 165_000], ['Worthing', 111_000], ['Adur', 64_000], ['Wealden', 163_000], ['Eastbourne', 101_000], ['Hastings', 91_000], ['Lewes', 100_000], ['Rother', 92_000]],
  [MappaArea.THAMES_VALLEY]: [['Buckinghamshire', 553_000], ['Milton Keynes', 287_000], ['Oxford', 162_000], ['Cherwell', 161_000], ['Vale of White Horse', 139_000], ['South Oxfordshire', 147_000], ['West Oxfordshire', 117_000], ['Reading', 174_000], ['Slough', 158_000], ['Wokingham', 177_000], ['Windsor and Maidenhead', 153_000], ['Bracknell Forest', 125_000], ['West Berkshire', 130_000]],
  [MappaArea.WARWICKSHIRE]: [['Warwick', 148_000], ['Nuneaton and Bedworth', 134_000], ['Stratford-on-Avon', 134_000], ['Rugby', 114_000], ['North Warwickshire', 65_000]],
  [MappaArea.WEST_MERCIA]: [['Herefordshire', 187_000], ['Shropshire', 323_000], ['Telford and Wrekin', 186_000], ['Worcester', 103_000], ['Wychavon', 131_000], ['Wyre Forest', 101_000], ['Bromsgrove', 99_000], ['Redditch', 87_000], ['Malvern Hills', 79_000]],
  [MappaArea.WEST_MIDLANDS]: [['Birmingham', 1_145_000], ['Coventry', 346_000], ['Dudley', 324_000], ['Sandwell', 342_000], ['Solihull', 216_000], ['Walsall', 285_000], ['Wolverhampton', 264_000]],
  [MappaArea.WEST_YORKSHIRE]: [['Leeds', 813_000], ['Bradford', 547_000], ['Kirklees', 434_000], ['Wakefield', 354_000], ['Calderdale', 206_000]],
  [MappaArea.WILTSHIRE]: [['Wiltshire', 511_000], ['Swindon', 234_000]],
};

/** Resident population of each MAPPA area (the sum of its local authorities', ONS mid-2021, rounded). */
export const AREA_POPULATION: Readonly<Record<MappaArea, number>> = Object.fromEntries(
  Object.entries(LOCAL_AUTHORITIES_BY_AREA).map(([area, authorities]) => [area, authorities.reduce((sum, [, population]) => sum + population, 0)]),
) as Record<MappaArea, number>;

/** England and Wales: the sum of the 42 areas. */
export const NATIONAL_POPULATION: number = Object.values(AREA_POPULATION).reduce((sum, population) => sum + population, 0);

/** Share of the population of England and Wales aged ten or over (ONS mid-2021): the annual report's per-100,000 base. */
export const SHARE_AGED_TEN_OR_OVER = 0.885;

/**
 * What the per-100,000 rate (annual report table 6) says its population is: said plainly, since the
 * figures above are approximations typed from memory of the ONS table, not the published figures.
 */
export const AREA_POPULATION_SOURCE =
  'Approximate: ONS mid-2021 population estimates (Census 2021 based) by local authority, summed to police force areas, rounded and not checked against the published table; times the national share aged ten or over (0.885)';
