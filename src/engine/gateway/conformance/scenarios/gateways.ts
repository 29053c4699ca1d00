/**
 * Gateway and listener status tests of the Gateway API conformance suite (kubernetes-sigs/gateway-api v1.6.1,
 * conformance/tests/<source>): attached routes, route kinds, listener changes, certificate references.
 */
import type { ConformanceScenario, ExpectedListener } from '../scenario-types'
import { infra, INFRA_READY, readyListener, routeCondition } from './suite-names'

/** An HTTPS listener whose certificate reference does not resolve for `reason`. */
function unresolvedHttps(reason: string): ExpectedListener {
  return { name: 'https', supportedKinds: ['HTTPRoute'], attachedRoutes: 0, conditions: [{ type: 'ResolvedRefs', status: 'False', reason }] }
}

/** An HTTPS listener whose certificate resolved through a ReferenceGrant. */
const GRANTED_HTTPS: ExpectedListener = {
  name: 'https',
  supportedKinds: ['HTTPRoute'],
  attachedRoutes: 0,
  conditions: [{ type: 'Programmed', status: 'True', reason: 'Programmed' }, { type: 'ResolvedRefs', status: 'True' }],
}

/** A listener of protocol INVALID. */
const UNSUPPORTED_PROTOCOL: ExpectedListener = {
  name: 'invalid', supportedKinds: [], attachedRoutes: 0, conditions: [{ type: 'Accepted', status: 'False', reason: 'UnsupportedProtocol' }],
}

export const gatewayScenarios: readonly ConformanceScenario[] = [
  {
    shortName: 'GatewayWithAttachedRoutes',
    source: 'gateway-with-attached-routes.go',
    manifests: ['gateway-with-attached-routes.yaml'],
    phases: [{
      title: 'Gateway listener should have one valid http routes attached',
      checks: [{ kind: 'gateway-listeners', gateway: infra('gateway-with-one-attached-route'), listeners: [readyListener('http', 1)] }],
      requests: [],
    }, {
      title: 'Gateway listener should have two valid http routes attached',
      checks: [
        { kind: 'gateway-listeners', gateway: infra('gateway-with-two-attached-routes'), listeners: [readyListener('http', 2)] },
        routeCondition(infra('http-route-not-accepted'), infra('gateway-with-two-attached-routes'),
          { type: 'Accepted', status: 'False', reason: 'NoMatchingListenerHostname' }),
      ],
      requests: [],
    }, {
      title: 'Gateway listener should have AttachedRoutes set even when Gateway has unresolved refs',
      checks: [
        {
          kind: 'gateway-listeners',
          gateway: infra('unresolved-gateway-with-one-attached-unresolved-route'),
          listeners: [{
            name: 'tls',
            supportedKinds: ['HTTPRoute'],
            attachedRoutes: 1,
            conditions: [{ type: 'Programmed', status: 'False' }, { type: 'ResolvedRefs', status: 'False' }],
          }],
        },
        routeCondition(infra('http-route-4'), infra('unresolved-gateway-with-one-attached-unresolved-route'), { type: 'ResolvedRefs', status: 'False' }),
      ],
      requests: [],
    }],
  },
  {
    shortName: 'GatewayWithAttachedRoutesWithPort8080',
    source: 'gateway-with-attached-routes.go',
    manifests: ['gateway-with-attached-routes-with-port-8080.yaml'],
    phases: [{
      title: 'Gateway listener should have attached route by specifying the sectionName',
      checks: [{
        kind: 'gateway-listeners',
        gateway: infra('gateway-with-two-listeners-and-one-attached-route'),
        listeners: [readyListener('http-unattached', 0), readyListener('http', 1)],
      }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewayInvalidRouteKind',
    source: 'gateway-invalid-route-kind.go',
    manifests: ['gateway-invalid-route-kind.yaml'],
    phases: [{
      title: 'only an invalid route kind: ResolvedRefs False InvalidRouteKinds, no supportedKinds',
      checks: [{
        kind: 'gateway-listeners',
        gateway: infra('gateway-only-invalid-route-kind'),
        listeners: [{ name: 'http', supportedKinds: [], attachedRoutes: 0, conditions: [{ type: 'ResolvedRefs', status: 'False', reason: 'InvalidRouteKinds' }] }],
      }],
      requests: [],
    }, {
      title: 'an invalid and a supported route kind: ResolvedRefs False InvalidRouteKinds, HTTPRoute supported',
      checks: [{
        kind: 'gateway-listeners',
        gateway: infra('gateway-supported-and-invalid-route-kind'),
        listeners: [{ name: 'http', supportedKinds: ['HTTPRoute'], attachedRoutes: 0, conditions: [{ type: 'ResolvedRefs', status: 'False', reason: 'InvalidRouteKinds' }] }],
      }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewayModifyListeners',
    source: 'gateway-modify-listeners.go',
    manifests: ['gateway-modify-listeners.yaml'],
    notRun: 'the generation and observedGeneration bookkeeping of each update (GatewayMustHaveLatestConditions): only the state after each change is run',
    phases: [{
      title: 'should be able to add a listener that then becomes available for routing traffic',
      edits: [{
        kind: 'add-listener',
        gateway: infra('gateway-add-listener'),
        listener: { name: 'http', port: 80, protocol: 'HTTP', hostname: 'data.test.com', allowedRoutes: { namespaces: { from: 'All' } } },
      }],
      checks: [INFRA_READY, { kind: 'gateway-listeners', gateway: infra('gateway-add-listener'), listeners: [readyListener('https', 1), readyListener('http', 1)] }],
      requests: [],
    }, {
      title: 'should be able to remove listeners, which would then stop routing the relevant traffic',
      edits: [{ kind: 'keep-listeners', gateway: infra('gateway-remove-listener'), names: ['http'] }],
      checks: [INFRA_READY, { kind: 'gateway-listeners', gateway: infra('gateway-remove-listener'), listeners: [readyListener('http', 1)] }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewaySecretInvalidReferenceGrant',
    source: 'gateway-secret-invalid-reference-grant.go',
    manifests: ['gateway-secret-invalid-reference-grant.yaml'],
    phases: [{
      title: 'ReferenceGrants that do not cover the certificate: RefNotPermitted',
      checks: [{ kind: 'gateway-listeners', gateway: infra('gateway-secret-invalid-reference-grant'), listeners: [unresolvedHttps('RefNotPermitted')] }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewaySecretMissingReferenceGrant',
    source: 'gateway-secret-missing-reference-grant.go',
    manifests: ['gateway-secret-missing-reference-grant.yaml'],
    phases: [{
      title: 'no ReferenceGrant for the certificate in another namespace: RefNotPermitted',
      checks: [{ kind: 'gateway-listeners', gateway: infra('gateway-secret-missing-reference-grant'), listeners: [unresolvedHttps('RefNotPermitted')] }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewaySecretReferenceGrantAllInNamespace',
    source: 'gateway-secret-reference-grant-all-in-namespace.go',
    manifests: ['gateway-secret-reference-grant-all-in-namespace.yaml'],
    phases: [{
      title: 'a ReferenceGrant to every Secret of the namespace',
      checks: [{ kind: 'gateway-listeners', gateway: infra('gateway-secret-reference-grant-all-in-namespace'), listeners: [GRANTED_HTTPS] }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewaySecretReferenceGrantSpecific',
    source: 'gateway-secret-reference-grant-specific.go',
    manifests: ['gateway-secret-reference-grant-specific.yaml'],
    phases: [{
      title: 'a ReferenceGrant to the one Secret',
      checks: [{ kind: 'gateway-listeners', gateway: infra('gateway-secret-reference-grant-specific'), listeners: [GRANTED_HTTPS] }],
      requests: [],
    }],
  },
  {
    shortName: 'GatewayInvalidTLSConfiguration',
    source: 'gateway-invalid-tls-configuration.go',
    manifests: ['gateway-invalid-tls-configuration.yaml'],
    phases: ([
      ['Nonexistent secret referenced as CertificateRef in a Gateway listener', 'gateway-certificate-nonexistent-secret'],
      ['Unsupported group resource referenced as CertificateRef in a Gateway listener', 'gateway-certificate-unsupported-group'],
      ['Unsupported kind resource referenced as CertificateRef in a Gateway listener', 'gateway-certificate-unsupported-kind'],
      ['Malformed secret referenced as CertificateRef in a Gateway listener', 'gateway-certificate-malformed-secret'],
    ] as const).map(([title, gateway]) => ({
      title,
      checks: [{ kind: 'gateway-listeners' as const, gateway: infra(gateway), listeners: [unresolvedHttps('InvalidCertificateRef')] }],
      requests: [],
    })),
  },
  {
    shortName: 'GatewayListenerUnsupportedProtocol',
    source: 'gateway-invalid-listeners-unsupported-protocol.go',
    manifests: ['gateway-invalid-listeners-unsupported-protocol.yaml'],
    phases: [{
      title: 'Gateway with no accepted listeners should not be accepted',
      checks: [
        { kind: 'gateway-condition', gateway: infra('gateway-only-unsupported-protocols'), condition: { type: 'Accepted', status: 'False', reason: 'ListenersNotValid' } },
        { kind: 'gateway-listeners', gateway: infra('gateway-only-unsupported-protocols'), listeners: [UNSUPPORTED_PROTOCOL] },
      ],
      requests: [],
    }, {
      title: 'Gateway with at least one accepted listener should be accepted',
      checks: [
        { kind: 'gateway-condition', gateway: infra('gateway-supported-and-unsupported-protocols'), condition: { type: 'Accepted', status: 'True', reason: 'ListenersNotValid' } },
        {
          kind: 'gateway-listeners',
          gateway: infra('gateway-supported-and-unsupported-protocols'),
          listeners: [
            { name: 'http', supportedKinds: ['HTTPRoute'], attachedRoutes: 0, conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted' }] },
            UNSUPPORTED_PROTOCOL,
          ],
        },
      ],
      requests: [],
    }],
  },
  {
    shortName: 'GatewayInvalidParametersRef',
    source: 'gateway-invalid-parameters-ref.go',
    manifests: ['gateway-invalid-parameters-ref.yaml'],
    phases: [{
      title: 'an infrastructure.parametersRef to an object that does not exist',
      checks: [{ kind: 'gateway-condition', gateway: infra('gateway-invalid-parameters-ref'), condition: { type: 'Accepted', status: 'False', reason: 'InvalidParameters' } }],
      requests: [],
    }],
  },
]
