// Plausible but clearly synthetic names: common first names with invented surnames that read as
// English place-names ("Quillerby"). Nothing here is taken from a real case.

export const MALE_FIRST_NAMES = [
  'Aaron', 'Adam', 'Alan', 'Andrew', 'Anthony', 'Ben', 'Callum', 'Carl', 'Chris', 'Colin', 'Craig', 'Daniel',
  'Darren', 'David', 'Dean', 'Gary', 'Gavin', 'Graham', 'Ian', 'Jack', 'Jamie', 'Jason', 'Kevin', 'Lee', 'Liam',
  'Mark', 'Martin', 'Matthew', 'Neil', 'Paul', 'Peter', 'Richard', 'Robert', 'Ryan', 'Scott', 'Sean', 'Simon',
  'Stephen', 'Steven', 'Stuart', 'Thomas', 'Tony', 'Wayne',
] as const;

export const FEMALE_FIRST_NAMES = [
  'Amy', 'Angela', 'Claire', 'Donna', 'Emma', 'Gemma', 'Helen', 'Jade', 'Julie', 'Karen', 'Kelly', 'Laura',
  'Lisa', 'Louise', 'Michelle', 'Nicola', 'Rachel', 'Sarah', 'Stacey', 'Tracey',
] as const;

const SURNAME_STARTS = [
  'Ash', 'Brack', 'Bramble', 'Cold', 'Crane', 'Dun', 'Elder', 'Fen', 'Gorse', 'Hallow', 'Harrow', 'Hazel', 'Kettle',
  'Lark', 'Marrow', 'Moss', 'Nether', 'Oak', 'Pike', 'Quiller', 'Raven', 'Rush', 'Sedge', 'Thorn', 'Wick', 'Yarrow',
] as const;

const SURNAME_ENDS = ['by', 'combe', 'dene', 'field', 'ford', 'gate', 'ham', 'hurst', 'ley', 'mere', 'stead', 'thwaite', 'ton', 'well', 'worth'] as const;

/** Every invented surname, in a stable order. */
export const SURNAMES: readonly string[] = SURNAME_STARTS.flatMap((start) => SURNAME_ENDS.map((end) => `${start}${end}`));

export const TOWNS = [
  'Ashbury', 'Brackenford', 'Coldmere', 'Dunstead', 'Eldergate', 'Fenwick Cross', 'Gorseley', 'Harrowdene', 'Kettleby',
  'Larkfield', 'Mossford', 'Netherham', 'Oakhurst', 'Pikeworth', 'Ravenscombe', 'Sedgeley', 'Thornwell', 'Yarrowton',
] as const;

export const STREETS = [
  'Acacia Avenue', 'Beech Road', 'Church Lane', 'Elm Grove', 'High Street', 'Mill Lane', 'Orchard Close',
  'Park Road', 'Queens Walk', 'Station Road', 'The Crescent', 'Victoria Street', 'Willow Way',
] as const;
