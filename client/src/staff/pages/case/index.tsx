import { useRouter } from '@tarojs/taro'

import CaseView from '../../case/case-view'

// 案卷详情 for staff: the report, its timeline and every move the caller may make now (staff/case).
export default function StaffCasePage() {
  return <CaseView reportId={useRouter().params.id ?? ''} />
}
