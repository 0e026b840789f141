/**
 * The call contracts, the one entry the client imports: zod/mini only (see shared/README.md for the
 * measured bundle size), and nothing of routing, lifecycle or points beyond a few constant lists.
 */
import { acceptReportContract } from './accept-report.contract';
import { assignReportContract } from './assign-report.contract';
import { assignReportsContract } from './assign-reports.contract';
import { caseActionsContract } from './case-actions.contract';
import { catalogContract } from './catalog.contract';
import { clockSweepContract } from './clock-sweep.contract';
import { settleMonthContract } from './settle-month.contract';
import { reverseAwardContract } from './reverse-award.contract';
import { duplicateCandidatesContract } from './duplicate-candidates.contract';
import {
  acknowledgeHelpContract,
  cancelHelpContract,
  closeHelpContract,
  helpCallDetailContract,
  myHelpContract,
  openHelpCallsContract,
  raiseHelpContract,
  saveHelpProfileContract,
} from './help.contract';
import { inboxContract } from './inbox.contract';
import { informantHomeContract, myStatementContract, myStatementsContract } from './informant.contract';
import {
  applyInformantContract,
  informantApplicationsContract,
  myInformantApplicationsContract,
  reviewInformantContract,
} from './informant-applications.contract';
import { joinGridContract } from './join-grid.contract';
import { meContract } from './me.contract';
import { myHandledContract } from './my-handled.contract';
import { markMessagesReadContract, myMessagesContract } from './messages.contract';
import { myPointsContract } from './my-points.contract';
import {
  cancelRedemptionContract,
  handOverRedemptionContract,
  marketItemsContract,
  marketRedemptionsContract,
  myRedemptionsContract,
  redeemItemContract,
  saveMarketItemContract,
} from './market.contract';
import { myTasksContract } from './my-tasks.contract';
import { myServiceRecordContract } from './service-record.contract';
import { myReportsContract } from './my-reports.contract';
import { performanceContract, performanceCsvContract, performanceTrendContract } from './performance.contract';
import { rateReportContract } from './rate-report.contract';
import { adjustPointsContract, settlementCsvContract, settlementMonthsContract } from './settlement.contract';
import { rejectReportContract } from './reject-report.contract';
import { reassignReportContract } from './reassign-report.contract';
import { regionShapesContract } from './region-shapes.contract';
import { reopenReportContract } from './reopen-report.contract';
import { followReportContract, myFollowsContract, nearbyReportsContract, unfollowReportContract } from './report-follows.contract';
import { reportDetailContract } from './report-detail.contract';
import { responseTemplatesContract, saveResponseTemplatesContract } from './response-templates.contract';
import { resolveReportContract } from './resolve-report.contract';
import {
  bookServiceContract,
  cancelOrderContract,
  dispatchOrderContract,
  gridServicesContract,
  myOrdersContract,
  saveGridServicesContract,
} from './service-orders.contract';
import { gridOrdersContract } from './grid-orders.contract';
import {
  completeOrderContract,
  confirmOrderContract,
  disputeOrderContract,
  orderDetailContract,
  rateOrderContract,
  settleOrderContract,
} from './order-moves.contract';
import { startReportContract } from './start-report.contract';
import { submitReportContract } from './submit-report.contract';
import { answerSupervisionContract, escalateReportContract, handBackReportContract, superviseReportContract } from './supervision.contract';
import { supervisionListContract } from './supervision-list.contract';
import { uploadSlotContract } from './upload-slot.contract';
import { verifyReportContract } from './verify-report.contract';
import { withdrawReportContract } from './withdraw-report.contract';
import { claimOrderContract, postTaskContract, taskHallContract, withdrawOrderContract } from './task-hall.contract';
import {
  myVolunteeringContract,
  registerVolunteerContract,
  reviewVolunteerContract,
  volunteerApplicationsContract,
} from './volunteers.contract';
import { workbenchContract } from './workbench.contract';
import {
  appFeedbackListContract,
  myAppFeedbackContract,
  replyAppFeedbackContract,
  submitAppFeedbackContract,
} from './app-feedback.contract';

export * from './common.schema';
export * from './contract';
export * from './envelope';
export * from './error-codes';
export * from './report-view.schema';
export { acceptReportContract, catalogContract, inboxContract, joinGridContract, meContract, myPointsContract, myReportsContract };
export { duplicateCandidatesContract, rejectReportContract, reportDetailContract, submitReportContract, uploadSlotContract };
export { assignReportContract, resolveReportContract, startReportContract };
export { assigneeSchema } from './assign-report.contract';
export { STAFF_MOVES, assignablePersonSchema, caseActionsContract, type AssignablePerson, type StaffMove } from './case-actions.contract';
export { PROOF_PHOTOS_MAX } from './resolve-report.contract';
export { ASSIGN_REPORTS_MAX, assignOutcomeSchema, assignReportsContract, type AssignOutcome } from './assign-reports.contract';
export { INBOX_SCOPES, INBOX_SORTS, inboxAssigneeSchema, inboxRequestSchema, type InboxRequest, type InboxSort } from './inbox.contract';
export { handledItemSchema, myHandledContract, type HandledItem } from './my-handled.contract';
export {
  RESPONSE_TEMPLATE_ACTIONS,
  RESPONSE_TEMPLATE_TEXT_MAX,
  RESPONSE_TEMPLATES_MAX,
  responseTemplateSetSchema,
  responseTemplatesContract,
  saveResponseTemplatesContract,
  type ResponseTemplateAction,
  type ResponseTemplateSet,
} from './response-templates.contract';
export {
  WORKBENCH_CASES_MAX,
  supervisionCountsSchema,
  workbenchContract,
  workbenchCountsSchema,
  type SupervisionCounts,
  type Workbench,
  type WorkbenchCounts,
} from './workbench.contract';
export { rateReportContract, reopenReportContract, verifyReportContract, withdrawReportContract };
export { reassignReportContract };
export { regionShapeSchema, regionShapesContract, unitRefSchema, type RegionShape, type UnitRef } from './region-shapes.contract';
export { answerSupervisionContract, escalateReportContract, handBackReportContract, superviseReportContract };
export {
  supervisionItemSchema,
  supervisionListContract,
  supervisionStateSchema,
  type SupervisionItem,
  type SupervisionState,
} from './supervision-list.contract';
export {
  NEARBY_REPORTS_MAX,
  followReportContract,
  followedReportSchema,
  myFollowsContract,
  nearbyReportSchema,
  nearbyReportsContract,
  unfollowReportContract,
  type FollowedReport,
  type NearbyReport,
} from './report-follows.contract';
export {
  DUPLICATE_CANDIDATES_MAX,
  DUPLICATE_TEXT_MAX,
  NO_DUPLICATE_SEARCH_REASONS,
  duplicateCandidateSchema,
  type DuplicateCandidate,
  type NoDuplicateSearchReason,
} from './duplicate-candidates.contract';
export { categoryViewSchema, rewardOnOfferSchema, serviceViewSchema, type CategoryView, type ServiceView } from './catalog.contract';
export {
  MARK_READ_MAX,
  markMessagesReadContract,
  messageIdSchema,
  messageKindSchema,
  messageViewSchema,
  myMessagesContract,
  subscribeTemplateIdsSchema,
  type MessageView,
  type SubscribeTemplateIds,
} from './messages.contract';
export { gridCardSchema, staffContactSchema, type GridCard } from './me.contract';
export {
  PERFORMANCE_GROUPINGS,
  PERFORMANCE_SPAN_MAX_MS,
  PERFORMANCE_TREND_MONTHS_MAX,
  openCountsSchema,
  performanceContract,
  performanceCsvContract,
  performanceFiguresSchema,
  performanceRequestSchema,
  performanceRowSchema,
  performanceTrendContract,
  performanceTrendPointSchema,
  type OpenCounts,
  type PerformanceGrouping,
  type PerformanceRequest,
  type PerformanceRow,
  type PerformanceTrendPoint,
} from './performance.contract';
export { clockSweepContract, timerEventSchema, type TimerEvent } from './clock-sweep.contract';
export { ledgerEntryViewSchema } from './my-points.contract';
export {
  cancelRedemptionContract,
  handOverCodeSchema,
  handOverRedemptionContract,
  marketItemViewSchema,
  marketItemsContract,
  marketRedemptionsContract,
  myRedemptionViewSchema,
  myRedemptionsContract,
  redeemItemContract,
  saveMarketItemContract,
  staffRedemptionViewSchema,
  type MarketItemView,
  type MyRedemptionView,
  type StaffRedemptionView,
} from './market.contract';
export { settleMonthContract };
export {
  ADJUSTMENT_AMOUNT_MAX,
  SETTLEMENT_MONTHS_MAX,
  adjustPointsContract,
  settlementCsvContract,
  settlementMonthsContract,
  type InformantLineView,
  type PlaceLineView,
  type SettlementMonthView,
  type SettlementMonthsResponse,
  type SettlementRowView,
  type SheetFiguresView,
} from './settlement.contract';
export { reverseAwardContract };
export {
  informantHomeContract,
  myStatementContract,
  myStatementsContract,
  statementRowSchema,
  statementSummarySchema,
  type StatementRowView,
  type StatementSummary,
} from './informant.contract';
export { REPORT_PHOTOS_MAX, REPORT_TEXT_MAX, routeViewSchema, submitReportRequestSchema } from './submit-report.contract';
export {
  NEIGHBOUR_NAME_MAX,
  ORDER_ADDRESS_MAX,
  bookServiceContract,
  cancelOrderContract,
  dispatchOrderContract,
  gridServiceOfferSchema,
  gridServicesContract,
  myOrdersContract,
  orderViewSchema,
  saveGridServicesContract,
  slotKeySchema,
  slotOfferSchema,
  type GridServiceOffer,
  type OrderView,
  type SlotOffer,
} from './service-orders.contract';
export { gridOrderItemSchema, gridOrdersContract, type GridOrderItem } from './grid-orders.contract';
export {
  COMPLETION_PHOTOS_MAX,
  completeOrderContract,
  confirmOrderContract,
  disputeOrderContract,
  orderDetailContract,
  orderDetailSchema,
  orderStepSchema,
  rateOrderContract,
  settleOrderContract,
  type OrderDetail,
  type OrderStep,
} from './order-moves.contract';
export { UPLOAD_DIR_PATTERN, UPLOAD_FILE_NAME_PATTERN, UPLOAD_PURPOSES, uploadKeySchema, type UploadPurpose } from './upload-slot.contract';
export {
  VOLUNTEER_SKILLS_MAX,
  myVolunteeringContract,
  registerVolunteerContract,
  reviewVolunteerContract,
  skillSchema,
  taskKindSchema,
  volunteerApplicationViewSchema,
  volunteerApplicationsContract,
  volunteerProfileSchema,
  type VolunteerApplicationView,
} from './volunteers.contract';
export {
  applyInformantContract,
  informantApplicationViewSchema,
  informantApplicationsContract,
  informantProfileSchema,
  myInformantApplicationsContract,
  reviewInformantContract,
  type InformantApplicationView,
} from './informant-applications.contract';
export {
  TASK_TITLE_MAX,
  claimOrderContract,
  hallItemSchema,
  postTaskContract,
  taskHallContract,
  withdrawOrderContract,
  type HallItem,
} from './task-hall.contract';
export { myTasksContract };
export {
  SERVICE_RECORD_YEAR_MAX,
  SERVICE_RECORD_YEAR_MIN,
  myServiceRecordContract,
  serviceFiguresSchema,
  serviceRecordTaskSchema,
  type ServiceRecord,
  type ServiceRecordTask,
} from './service-record.contract';
export {
  HELP_ADDRESS_MAX,
  OPEN_HELP_CALLS_MAX,
  acknowledgeHelpContract,
  cancelHelpContract,
  closeHelpContract,
  helpCallDetailContract,
  helpCallViewSchema,
  helpProfileSchema,
  myHelpContract,
  openHelpCallsContract,
  raiseHelpContract,
  saveHelpProfileContract,
  type HelpCallView,
  type HelpProfileView,
} from './help.contract';

/** Every call by name, for a typed transport on the client and a dispatch table on the server. */
export const CONTRACTS = {
  me: meContract,
  joinGrid: joinGridContract,
  submitReport: submitReportContract,
  myReports: myReportsContract,
  reportDetail: reportDetailContract,
  inbox: inboxContract,
  workbench: workbenchContract,
  myHandled: myHandledContract,
  responseTemplates: responseTemplatesContract,
  saveResponseTemplates: saveResponseTemplatesContract,
  acceptReport: acceptReportContract,
  rejectReport: rejectReportContract,
  withdrawReport: withdrawReportContract,
  assignReport: assignReportContract,
  assignReports: assignReportsContract,
  reassignReport: reassignReportContract,
  caseActions: caseActionsContract,
  startReport: startReportContract,
  resolveReport: resolveReportContract,
  verifyReport: verifyReportContract,
  rateReport: rateReportContract,
  reopenReport: reopenReportContract,
  escalateReport: escalateReportContract,
  handBackReport: handBackReportContract,
  superviseReport: superviseReportContract,
  answerSupervision: answerSupervisionContract,
  supervisionList: supervisionListContract,
  duplicateCandidates: duplicateCandidatesContract,
  nearbyReports: nearbyReportsContract,
  followReport: followReportContract,
  unfollowReport: unfollowReportContract,
  myFollows: myFollowsContract,
  myPoints: myPointsContract,
  myMessages: myMessagesContract,
  markMessagesRead: markMessagesReadContract,
  clockSweep: clockSweepContract,
  settleMonth: settleMonthContract,
  reverseAward: reverseAwardContract,
  informantHome: informantHomeContract,
  myStatements: myStatementsContract,
  myStatement: myStatementContract,
  settlementMonths: settlementMonthsContract,
  settlementCsv: settlementCsvContract,
  adjustPoints: adjustPointsContract,
  raiseHelp: raiseHelpContract,
  myHelp: myHelpContract,
  saveHelpProfile: saveHelpProfileContract,
  cancelHelp: cancelHelpContract,
  openHelpCalls: openHelpCallsContract,
  acknowledgeHelp: acknowledgeHelpContract,
  closeHelp: closeHelpContract,
  helpCallDetail: helpCallDetailContract,
  performance: performanceContract,
  performanceTrend: performanceTrendContract,
  performanceCsv: performanceCsvContract,
  catalog: catalogContract,
  uploadSlot: uploadSlotContract,
  regionShapes: regionShapesContract,
  gridServices: gridServicesContract,
  saveGridServices: saveGridServicesContract,
  bookService: bookServiceContract,
  myOrders: myOrdersContract,
  cancelOrder: cancelOrderContract,
  dispatchOrder: dispatchOrderContract,
  gridOrders: gridOrdersContract,
  completeOrder: completeOrderContract,
  confirmOrder: confirmOrderContract,
  disputeOrder: disputeOrderContract,
  settleOrder: settleOrderContract,
  rateOrder: rateOrderContract,
  orderDetail: orderDetailContract,
  marketItems: marketItemsContract,
  saveMarketItem: saveMarketItemContract,
  redeemItem: redeemItemContract,
  myRedemptions: myRedemptionsContract,
  marketRedemptions: marketRedemptionsContract,
  handOverRedemption: handOverRedemptionContract,
  cancelRedemption: cancelRedemptionContract,
  registerVolunteer: registerVolunteerContract,
  reviewVolunteer: reviewVolunteerContract,
  volunteerApplications: volunteerApplicationsContract,
  myVolunteering: myVolunteeringContract,
  applyInformant: applyInformantContract,
  reviewInformant: reviewInformantContract,
  informantApplications: informantApplicationsContract,
  myInformantApplications: myInformantApplicationsContract,
  postTask: postTaskContract,
  taskHall: taskHallContract,
  claimOrder: claimOrderContract,
  withdrawOrder: withdrawOrderContract,
  myTasks: myTasksContract,
  myServiceRecord: myServiceRecordContract,
  submitAppFeedback: submitAppFeedbackContract,
  myAppFeedback: myAppFeedbackContract,
  appFeedbackList: appFeedbackListContract,
  replyAppFeedback: replyAppFeedbackContract,
} as const;

export type ContractName = keyof typeof CONTRACTS;
export { appFeedbackViewSchema, type AppFeedbackView } from './app-feedback.contract';
export { appFeedbackListContract, myAppFeedbackContract, replyAppFeedbackContract, submitAppFeedbackContract };
