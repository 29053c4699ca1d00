/**
 * The card every graph node but ReplicaSets and pods uses: an icon and the label, a short second line,
 * badges (path type, regex, rewrite, TLS lock, canary, …), dangling references in red with the reason, and a
 * count of the diagnostics whose text lies inside the node. Memoised; reads only its own lit state.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { GraphBadge, GraphProblem, NodeDiagnostics } from '../../../engine'
import { SeverityIcon } from '../../common/SeverityIcon'
import { TID } from '../../test-ids'
import type { StudioNode } from '../flow-elements'
import { useNodeLit } from '../two-routes'
import { NodeIcon } from './node-icons'
import { hasInput, hasOutput } from '../node-handles'
import { useEngineText } from '../../i18n/engine-text'
import { PROBLEM_LINES } from '../../../engine/graph/node-size'

/** Problems drawn muted: the route is not broken, only not used as written. */
const QUIET_PROBLEMS = new Set(['not-served', 'dropped', 'no-selector'])

function Badge({ badge }: { readonly badge: GraphBadge }) {
  const { t } = useTranslation('graph')
  const text = t(`badge.${badge.kind}`, { text: badge.text, context: badge.text === '' ? 'empty' : undefined })
  return (
    <span className={`gbadge gbadge-${badge.kind}`} title={text}>
      {badge.kind === 'tls' && <NodeIcon name="lock" size={11} />}
      {text}
    </span>
  )
}

export function Problem({ problem }: { readonly problem: GraphProblem }) {
  const { t } = useTranslation('graph')
  const say = useEngineText()
  // A Gateway API condition: a head line (the spec's reason and what it is about), then its message, clamped to
  // the lines the engine reserved for it (node-size.ts PROBLEM_LINES).
  if (PROBLEM_LINES[problem.code] > 1) {
    const head = t(`problem.${problem.code}`, { subject: problem.subject, detail: problem.detail ?? '' })
    const message = problem.reason ? say(problem.reason) : ''
    return (
      <div className={`gnode-problem is-detailed problem-${problem.code}`} title={message ? `${head}\n${message}` : head}>
        <div className="gnode-problem-head">
          <NodeIcon name="warning" size={11} />
          <span>{head}</span>
        </div>
        <div className="gnode-problem-message">{message}</div>
      </div>
    )
  }
  const subject = problem.reason ? say(problem.reason) : problem.subject
  const text = t(`problem.${problem.code}`, { subject, detail: problem.detail ?? '' })
  return (
    <div className={`gnode-problem problem-${problem.code}`} title={text}>
      <NodeIcon name="warning" size={11} />
      <span>{text}</span>
    </div>
  )
}

function DiagnosticCount({ diagnostics }: { readonly diagnostics: NodeDiagnostics }) {
  const { t } = useTranslation('graph')
  const say = useEngineText()
  const title = [t('diagnostics', { count: diagnostics.count }), ...diagnostics.messages.map(say)].join('\n')
  return (
    <span className={`gnode-diag diag-${diagnostics.severity}`} title={title} aria-label={t('diagnostics', { count: diagnostics.count })}>
      <SeverityIcon severity={diagnostics.severity} />
      {diagnostics.count}
    </span>
  )
}

function CardNodeView({ id, data, selected }: NodeProps<StudioNode>) {
  const { t } = useTranslation('graph')
  const lit = useNodeLit(id)
  const g = data.g
  const label = g.kind === 'defaultBackend' ? t('defaultBackendLabel') : g.kind === 'controller' ? g.label : g.label
  const classes = ['gnode', `gnode-${g.kind}`, lit]
  if (g.dim) classes.push('is-dim')
  if (selected) classes.push('is-selected')
  if (g.problems.some((p) => !QUIET_PROBLEMS.has(p.code))) classes.push('has-problem')
  return (
    <div className={classes.join(' ')} data-testid={TID.graphNode} data-node-id={id}>
      {hasInput(g.kind) && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="gnode-head">
        <NodeIcon name={g.kind} />
        <span className="gnode-label" title={label}>{label}</span>
        {g.diagnostics && <DiagnosticCount diagnostics={g.diagnostics} />}
      </div>
      {g.sub !== null && <div className="gnode-sub" title={g.sub}>{g.kind === 'defaultBackend' ? t('defaultBackendSub') : g.sub}</div>}
      {g.badges.length > 0 && (
        <div className="gnode-badges">
          {g.badges.map((badge) => <Badge key={`${badge.kind}:${badge.text}`} badge={badge} />)}
        </div>
      )}
      {g.problems.map((problem) => <Problem key={`${problem.code}:${problem.subject}`} problem={problem} />)}
      {hasOutput(g.kind) && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  )
}

export const CardNode = memo(CardNodeView)
