// The import dialog's example file: one good row and two with problems (an email without
// a dot in its domain; a taken extension and an ambiguous schedule), so a first-time admin
// sees what the engine reports before trying a file of their own.
export const EXAMPLE_CSV = 'name,email,mobile,extension,role,pro,schedule,departments\n'
  + 'Hari Das,hari@acme.in,98000 00021,20,agent,false,Mon-Fri 9am-6pm,sales\n'
  + 'Indu Roy,indu@acme,98000 00022,21,agent,false,24/7,support;sales\n'
  + 'Jai Menon,jai@acme.in,98000 00023,14,agent,false,Mon-Fri 9-6,support\n';
