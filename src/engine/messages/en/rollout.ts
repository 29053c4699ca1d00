/**
 * English templates of the engine's rollout messages (see ../catalog.ts for the syntax): why requests failed and
 * what prevents it, the parameters' and the spec's problems, the summary's own advice, and the explanations of
 * Kubernetes' events and Deployment conditions. For events and conditions the English template is Kubernetes'
 * own wording, word for word (what `kubectl get events` and `kubectl describe` print): the engine's
 * `ClusterEvent.message` is this template rendered, and the Korean one explains it.
 *
 * Seconds are numbers (`{{lag}}` is 2.5; the template says `s`, the Korean `초`).
 */
export const ROLLOUT_MESSAGES = {
  // Why one kind of failure happened (FailureCause).
  'cause-no-endpoints': 'No pod was a ready endpoint in the ingress\'s view, so ingress-nginx answered 503.',
  'cause-app-not-started': 'The pod was Ready but its app was not listening yet.',
  'cause-app-not-started-no-probe':
    'The pod had no readinessProbe, so it was Ready (and got traffic, and let the controller remove old pods) as soon as its container started, {{appStart}}s before the app listened.',
  'cause-app-not-started-no-probe-never':
    'The pod had no readinessProbe, so it was Ready (and got traffic, and let the controller remove old pods) as soon as its container started, but the app never listened.',
  'cause-listener-closed': 'SIGTERM closed the app\'s listener while the ingress still sent it requests (it drops a terminating pod only {{lag}}s later).',
  'cause-pod-gone': 'The pod had already exited while the ingress still sent it requests (it drops a terminating pod only {{lag}}s after deletion).',
  'cause-container-restarting': 'The container was being restarted after a probe failure while the ingress still sent it requests.',
  'cause-killed-on-sigterm': 'The app exited at once on SIGTERM and reset the requests it was serving.',
  'cause-killed-at-grace-end-ignored':
    'The app ignored SIGTERM and was killed by SIGKILL at the end of the grace period ({{grace}}s), resetting its requests.',
  'cause-killed-at-grace-end':
    'SIGKILL came before the app had drained: preStop ({{preStop}}s) plus shutdown did not fit in terminationGracePeriodSeconds ({{grace}}s).',
  'cause-killed-at-grace-end-assumed':
    'SIGKILL came before the app had drained: preStop ({{preStop}}s assumed, --prestop-http) plus shutdown did not fit in terminationGracePeriodSeconds ({{grace}}s).',
  'cause-killed-by-probe': 'A liveness (or startup) probe failure killed the container while it was serving.',
  'cause-upstream-timeout': 'The app took longer than ingress-nginx\'s proxy-read-timeout ({{timeout}}s), which answered 504.',
  'cause-client-timeout': 'No answer came within the client\'s timeout ({{timeout}}s).',

  // What prevents it (FailureRemedy).
  'remedy-rolling-update-instead-of-recreate':
    'Recreate stops every old pod before starting new ones, so an outage is built in; use RollingUpdate with maxSurge 1 and maxUnavailable 0.',
  'remedy-keep-one-serving_one':
    'Keep at least one pod serving: replicas − maxUnavailable must stay ≥ 1 (here {{count}} − {{maxUnavailable}}); for one replica use maxSurge 1 and maxUnavailable 0.',
  'remedy-keep-one-serving_other':
    'Keep at least one pod serving: replicas − maxUnavailable must stay ≥ 1 (here {{count}} − {{maxUnavailable}}); for few replicas use maxSurge 1 and maxUnavailable 0.',
  'remedy-probe-the-serving-port': 'Make the readinessProbe test the serving port and path, so a pod is Ready only when it can serve.',
  'remedy-add-readiness-probe':
    'Add a readinessProbe on the serving port ({{port}}, e.g. httpGet on the app\'s health path or tcpSocket), so traffic and the rollout wait for the app.',
  'remedy-add-prestop':
    'Add a preStop hook that waits longer than the endpoint lag ({{lag}}s) before SIGTERM, e.g. lifecycle.preStop.sleep.seconds: {{wait}} (Kubernetes 1.30+) or exec ["sleep", "{{wait}}"].',
  'remedy-raise-prestop-sleep': 'Raise the preStop sleep ({{current}}s) above the endpoint lag ({{lag}}s), e.g. to {{wait}}s.',
  'remedy-raise-prestop-script':
    'The preStop script sleeps {{current}}s, less than the endpoint lag ({{lag}}s); make it sleep longer, e.g. {{wait}}s, or use lifecycle.preStop.sleep.seconds: {{wait}} instead (the suggested change, which drops the script\'s other commands).',
  'remedy-raise-prestop-assumed':
    'The preStop hook\'s time is the app\'s; the simulation assumed {{current}}s (--prestop-http). Make it wait longer than the endpoint lag ({{lag}}s), e.g. {{wait}}s (--prestop-http {{wait}} simulates that), or use a sleep hook.',
  'remedy-drain-on-sigterm':
    'Handle SIGTERM gracefully: stop accepting, finish in-flight requests, then exit (and delay SIGTERM with a preStop hook).',
  'remedy-receive-sigterm':
    'Let the server receive SIGTERM (exec it as PID 1 or use an init that forwards signals) and drain in-flight requests.',
  'remedy-raise-grace':
    'Raise terminationGracePeriodSeconds ({{current}}s) above preStop ({{preStop}}s) + the longest request ({{longest}}s) + a margin: at least {{suggested}}s.',
  'remedy-add-startup-probe':
    'The liveness probe gives up before the app has started (it listens after {{appStart}}s): add a startupProbe (e.g. tcpSocket on {{port}}, periodSeconds {{period}}, failureThreshold {{threshold}}), or raise the liveness probe\'s initialDelaySeconds or failureThreshold.',
  'remedy-add-startup-probe-never-starts':
    'The liveness probe gives up before the app has started: add a startupProbe (e.g. tcpSocket on {{port}}, periodSeconds {{period}}, failureThreshold {{threshold}}), or raise the liveness probe\'s initialDelaySeconds or failureThreshold.',
  'remedy-raise-proxy-read-timeout':
    'Raise nginx.ingress.kubernetes.io/proxy-read-timeout on the Ingress ({{current}}s) to {{suggested}}, or make the requests faster.',
  'remedy-raise-client-timeout': 'Raise the client timeout ({{current}}s) to {{suggested}}s, or make the requests faster.',
  // The summary's advice beyond failed requests (rollout-summary.ts).
  'remedy-rollout-stalled':
    'The new version never became Ready, so the rollout stalled (old pods keep serving): fix the new version or run `kubectl rollout undo`.',
  'remedy-rollout-unfinished':
    'The rollout did not finish in the simulated time: give it a longer --duration, or look at why new pods are not becoming available.',
  'remedy-removed-api-version':
    '{{apiVersion}} Deployments were removed in Kubernetes 1.16: use apps/v1 (its defaults differ: progressDeadlineSeconds 600, revisionHistoryLimit 10).',

  // A parameter outside its range (parameters.ts); `name` is the parameter's field name.
  'parameter-not-between': '{{name}} must be between {{min}} and {{max}}, got {{value}}',
  'parameter-not-number': '{{name}} must be a number, got {{value}}',
  'parameter-not-whole': '{{name}} must be a whole number, got {{value}}',
  'parameter-not-boolean': '{{name}} must be true or false',
  'parameter-not-choice': '{{name}} must be {{choices}}, got {{value}}',
  'parameter-not-set': '{{name}} must be set',
  'parameter-not-text': '{{name}} must be text, got {{value}}',
  'parameter-not-time': '{{name}} must be an RFC 3339 time, got {{value}}',
  'parameter-empty': '{{name}} must not be empty',
  // The last two of several choices (`head` is the others joined by commas).
  'choices-or': '{{head}} or {{last}}',

  // Why a rollout cannot be simulated (rollout-spec.ts, simulate-rollout.ts, run-size.ts, run-scenario.ts).
  'rollout-deployment-invalid': 'The Deployment "{{name}}" is invalid: {{detail}}',
  'rollout-no-container': 'Deployment "{{name}}" has no containers to run.',
  'rollout-too-many-replicas': 'replicas {{replicas}} is above the simulator\'s limit of {{max}}.',
  'rollout-old-unready-above-replicas': 'oldUnready ({{oldUnready}}) cannot exceed replicas ({{replicas}}).',
  'rollout-too-many-requests': '{{requests}} requests is above the simulator\'s limit of {{max}} (lower {{rateFlag}} or {{durationFlag}}).',
  'rollout-too-many-probe-attempts':
    'This run needs about {{attempts}} probe attempts ({{pods}} pods × {{seconds}} s × {{perPodSecond}} per pod and second), above the simulator\'s limit of {{max}}: past that size a run stops being instant. Lower replicas, {{durationFlag}} or {{rolloutAtFlag}}, or probe less often (periodSeconds).',
  'rollout-no-deployment': 'The manifest has no Deployment to roll out.',
  'rollout-unknown-deployment': 'No Deployment {{deployment}} in the manifest.',
  'rollout-rejected-input': 'The API server would reject this manifest (line {{line}}): {{detail}}',

  // The preStop hook in a few words (prestop-summary.ts); `hook` is the handler as written.
  'prestop-none': 'none',
  // A sleep action says its own seconds (`sleep 5s`).
  'prestop-sleep': '{{hook}}',
  'prestop-run': '{{hook}} ({{seconds}}s)',
  'prestop-assumed': '{{hook}} ({{seconds}}s assumed, --prestop-http)',

  // Kubernetes events, word for word as the components record them (events.ts).
  'event-scaled-up-replica-set': 'Scaled up replica set {{replicaSet}} to {{replicas}}',
  'event-scaled-down-replica-set': 'Scaled down replica set {{replicaSet}} to {{replicas}}',
  'event-created-pod': 'Created pod: {{pod}}',
  'event-deleted-pod': 'Deleted pod: {{pod}}',
  'event-scheduled': 'Successfully assigned {{namespace}}/{{pod}} to {{node}}',
  'event-pulling': 'Pulling image "{{image}}"',
  'event-pulled': 'Successfully pulled image "{{image}}" in {{seconds}}s',
  'event-created-container': 'Created container {{container}}',
  'event-started-container': 'Started container {{container}}',
  'event-stopping-container': 'Stopping container {{container}}',
  'event-liveness-probe-restart': 'Container {{container}} failed liveness probe, will be restarted',
  'event-startup-probe-restart': 'Container {{container}} failed startup probe, will be restarted',
  'event-back-off': 'Back-off restarting failed container {{container}} in pod {{pod}}',
  'event-prestop-hook-failed': 'PreStopHook failed',
  // `detail` is the probe's own error, one of the probe-error-* phrases below.
  'event-readiness-probe-failed': 'Readiness probe failed: {{detail}}',
  'event-liveness-probe-failed': 'Liveness probe failed: {{detail}}',
  'event-startup-probe-failed': 'Startup probe failed: {{detail}}',
  // A probe's error in Go's words, as the kubelet puts it into the event (kubelet.ts).
  'probe-error-http-status': 'HTTP probe failed with statuscode: {{status}}',
  'probe-error-http-refused': 'Get "{{url}}": dial tcp {{address}}: connect: connection refused',
  'probe-error-tcp-refused': 'dial tcp {{address}}: connect: connection refused',
  'probe-error-grpc-timeout': 'timeout: failed to connect service "{{address}}" within {{seconds}}s',
  'probe-error-exec-exit': 'command terminated with exit code {{code}}',

  // Deployment conditions' messages, word for word as the Deployment controller sets them (deployment-status.ts).
  'condition-new-replica-set-created': 'Created new replica set "{{replicaSet}}"',
  'condition-replica-set-updated': 'ReplicaSet "{{replicaSet}}" is progressing.',
  'condition-new-replica-set-available': 'ReplicaSet "{{replicaSet}}" has successfully progressed.',
  'condition-progress-deadline-exceeded': 'ReplicaSet "{{replicaSet}}" has timed out progressing.',
  'condition-deployment-paused': 'Deployment is paused',
  'condition-minimum-replicas-available': 'Deployment has minimum availability.',
  'condition-minimum-replicas-unavailable': 'Deployment does not have minimum availability.',
} as const satisfies Record<string, string>
