/** The detector's public surface, shared by the Nest server and the web client (no Node APIs). */
export { detect, MAX_SCAN_LENGTH } from './detect';
export { redact } from './redact';
export type { RedactStyle, Redaction, RedactedSpan, RedactableFinding } from './redact';
export type { DetectOptions, Finding, FindingType, RuleId, EmailRuleId, PhoneRuleId } from './finding';
export { RULE_IDS } from './finding';
