import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, LocalDate } from '@mappa/shared';
import { policePolicies } from '../police.policies';

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
  NOT_KNOWN = 'NOT_KNOWN',
}

registerEnumType(Gender, { name: 'Gender', description: 'Gender as recorded on the Police National Computer.' });

@ObjectType({ description: 'Another name the person has used or been recorded under (police record).' })
export class Alias {
  @Access(policePolicies.identity)
  @Field(() => String, { description: 'Alias first name.' })
  firstName!: string;

  @Access(policePolicies.identity)
  @Field(() => String, { description: 'Alias surname.' })
  lastName!: string;

  @Access(policePolicies.identity)
  @Field(() => LocalDate, { nullable: true, description: 'Date of birth given with this alias, when different from the recorded one.' })
  dateOfBirth!: string | null;
}

@ObjectType({ description: 'Who the person is, as the police record them on the Police National Computer. Owner: police.' })
export class PoliceIdentity {
  @Access(policePolicies.subjectKey)
  @Field(() => ID, { description: 'Police National Computer ID, `YYYY/NNNNNNNX`, e.g. `2008/0545166T`.' })
  pncId!: string;

  @Access(policePolicies.identity)
  @Field(() => String, {
    nullable: true,
    description:
      'Criminal Records Office number, e.g. `SF80/655108T`. Nullable so that a reader granted only the minimal summary gets the names without it.',
  })
  croNumber!: string;

  @Access(policePolicies.identityNames)
  @Field(() => String, { description: 'First name.' })
  firstName!: string;

  @Access(policePolicies.identity)
  @Field(() => String, { nullable: true, description: 'Middle names, space-separated; null when none are recorded.' })
  middleNames!: string | null;

  @Access(policePolicies.identityNames)
  @Field(() => String, { description: 'Surname.' })
  lastName!: string;

  @Access(policePolicies.identityNames)
  @Field(() => LocalDate, { description: 'Date of birth.' })
  dateOfBirth!: string;

  @Access(policePolicies.identity)
  @Field(() => Gender, {
    nullable: true,
    description: 'Gender as recorded by the police. Nullable so that a reader granted only the minimal summary gets the names without it.',
  })
  gender!: Gender;

  @Access(policePolicies.ethnicity)
  @Field(() => String, { nullable: true, description: 'Self-defined ethnicity code (18+1 census categories, e.g. `W1`, `A2`, `B1`).' })
  ethnicityCode!: string;

  @Access(policePolicies.nationality)
  @Field(() => String, {
    nullable: true,
    description:
      'Nationality as recorded by the police, e.g. `British`. Nullable so that a reader granted only the minimal summary gets the names without it.',
  })
  nationality!: string;
}
