import type { Account, UserDraft } from 'roster-rules';
export declare const roomy: () => Account;
export declare const full: () => Account;
export declare const gita: () => Required<Pick<UserDraft, 'name' | 'email' | 'mobile' | 'extension'>> & { departments: string[] };
