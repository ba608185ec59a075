// The add form: a server component that hands the account to a client component.
import { roomy, full } from 'consumer-harness/accounts.js';
import AddForm from './add-form.js';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }) {
  const { plan } = await searchParams;
  return <AddForm account={plan === 'full' ? full() : roomy()} />;
}
