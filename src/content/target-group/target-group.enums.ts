/** The `ContentType` name of target-group profiles. */
export const TARGET_GROUP = 'TARGET_GROUP' as const;
