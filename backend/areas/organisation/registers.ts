// The publicity log (宣传) and the 领导小组 with its 成员单位: plain registers, written through the
// generic entity services.
import { groupMemberCreate, publicityCreate } from '../../../core/schemas/organisation';
import { groupMemberDef, publicityDef } from '../../../db/entities/fieldwork';
import { crudServices, type Values } from '../crud';

/** A member without a place in the list goes after the others of the same post. */
const withSort = (values: Values) => (values.sort === null ? { ...values, sort: 0 } : values);

export const publicity = crudServices<'publicity'>(publicityDef, publicityCreate);
export const groupMembers = crudServices<'groupMember'>(groupMemberDef, groupMemberCreate, { prepare: withSort });
