// The skills a volunteer may name at 网格报到. registerVolunteer accepts those the county's services name
// (services.json `skills`) and refuses any other (VOLUNTEER.SKILL_UNKNOWN, shown in words); no function
// hands that list to the client yet (catalog's services leave skills out), so the form offers these.
export const SKILL_CHOICES: readonly string[] = ['代办', '助餐', '陪诊', '医疗', '理发', '家电维修', '心理', '法律']
