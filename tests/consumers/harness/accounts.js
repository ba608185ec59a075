// The accounts every consumer checks against (plain data, browser-safe).

const owner = { id: 'u1', name: 'Asha Rao', email: 'asha@acme.in', mobile: '+919800000001', extension: '10', role: 'owner', pro: true, status: 'active', departments: ['sales'] };
const agent = (n) => ({ id: `u${n}`, name: `Agent ${n}`, email: `agent${n}@acme.in`, mobile: `+91980000000${n}`, extension: String(9 + n), departments: ['sales'] });
const departments = [{ id: 'sales', name: 'Sales', routing: 'round_robin' }];

/** Room for more users: extension 11 is Agent 2's, 13 is free. */
export const roomy = () => ({ plan: 'swift', proSeats: 3, departments, users: [owner, agent(2)] });
/** The `nano` plan's 3 users are all there: any add is `plan_user_limit`. */
export const full = () => ({ plan: 'nano', proSeats: 3, departments, users: [owner, agent(2), agent(3)] });

/** An add form's values that pass on `roomy`. */
export const gita = () => ({ name: 'Gita Nair', email: 'gita@acme.in', mobile: '98000 00007', extension: '13', departments: ['sales'] });
