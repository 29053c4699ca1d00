/**
 * `data-testid`s of the studio, shared with the e2e tests (`e2e/studio-page.ts`). Tests prefer roles and
 * accessible names; these mark the few places that have neither.
 */
export const TID = {
  app: 'studio-app',
  header: 'studio-header',
  status: 'analysis-status',
  editorPane: 'editor-pane',
  editor: 'yaml-editor',
  editorFallback: 'yaml-editor-fallback',
  mainPane: 'main-pane',
  objectsView: 'objects-view',
  objectRow: 'object-row',
  inspectorPane: 'inspector-pane',
  diagnosticsList: 'diagnostics-list',
  diagnosticItem: 'diagnostic-item',
  diagnosticsEmpty: 'diagnostics-empty',
  crashScreen: 'crash-screen',
  storageProblem: 'storage-problem',
  rulesView: 'rules-view',
  ruleRow: 'rule-row',
  certificatesView: 'certificates-view',
  certificateCard: 'certificate-card',
  certificateNames: 'certificate-names',
  certificateValidity: 'certificate-validity',
  certificateHosts: 'certificate-hosts',
  timelineView: 'timeline-view',
  timelineTimeArea: 'timeline-time-area',
  timelineLanes: 'timeline-lanes',
  timelinePod: 'timeline-pod',
  timelineTime: 'timeline-time',
  timelineStatus: 'timeline-status',
  timelineFailure: 'timeline-failure',
  timelineFailureDetail: 'timeline-failure-detail',
  timelineNoFailures: 'timeline-no-failures',
  timelineLogs: 'timeline-logs',
  timelineReport: 'timeline-report',
  timelineReportSummary: 'timeline-report-summary',
  timelineCompareRun: 'timeline-compare-run',
} as const

export type TestId = (typeof TID)[keyof typeof TID]
