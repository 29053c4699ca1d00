/**
 * The seed scenario: the manifests of the chapter Ingress Studio grew from, in the API versions the chapter
 * wrote them in (extensions/v1beta1), plus the Services, workloads and TLS Secret they refer to, so the
 * scenario is complete. One change from the chapter: its `websample-ing` host was written as
 * `http://127.0.0.1.xip.io`, which the API server rejects (a host has no scheme); here it is the bare name.
 *
 * The TLS Secret holds a self-signed P-256 certificate for kube-book.com, valid 2026-11-24 to 2036-11-21,
 * made for this scenario with openssl; its key protects nothing.
 */
export const SEED_FILE_NAME = 'manifest.yaml'

export const SEED_MANIFEST = `# Ingress basics: two hosts, path routing, rewrite-target
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: test
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
spec:
  rules:
  - host: foo.bar.com
    http:
      paths:
      - path: /foos1
        backend:
          serviceName: s1
          servicePort: 80
      - path: /bars2
        backend:
          serviceName: s2
          servicePort: 80
  - host: bar.foo.com
    http:
      paths:
      - backend:
          serviceName: s2
          servicePort: 80
---
# TLS: one Secret serves the host; renew it once for every pod behind it
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: ingress-ssl
spec:
  tls:
  - hosts:
    - kube-book.com
    secretName: kube-book-secret
  rules:
  - host: kube-book.com
    http:
      paths:
      - path: /
        backend:
          serviceName: s1
          servicePort: 80
---
apiVersion: v1
kind: Secret
metadata:
  name: kube-book-secret
type: kubernetes.io/tls
data:
  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJuakNDQVVXZ0F3SUJBZ0lVVkdrdG80aW1Rb3RSRmNRbE9PZjlzWHZBRmlZd0NnWUlLb1pJemowRUF3SXcKR0RFV01CUUdBMVVFQXd3TmEzVmlaUzFpYjI5ckxtTnZiVEFlRncweU5qRXhNalF5TXpBMU1UbGFGdzB6TmpFeApNakV5TXpBMU1UbGFNQmd4RmpBVUJnTlZCQU1NRFd0MVltVXRZbTl2YXk1amIyMHdXVEFUQmdjcWhrak9QUUlCCkJnZ3Foa2pPUFFNQkJ3TkNBQVJIRzQyZVoxVVRPMUU0M3JSaFlyOVg4cEFQM0xPamN0Yi8vNzNJV0c3TUQ3TWgKOGF5OE9TMnRvVlgrNGVXbVZKTkU0Y1lrWlExWHRwTUwvVmJ2R2tYWm8yMHdhekFkQmdOVkhRNEVGZ1FVcXBkVwp1OWhxakxXNlpGUWRpVkY0NzR1VTEvNHdId1lEVlIwakJCZ3dGb0FVcXBkV3U5aHFqTFc2WkZRZGlWRjQ3NHVVCjEvNHdEd1lEVlIwVEFRSC9CQVV3QXdFQi96QVlCZ05WSFJFRUVUQVBnZzFyZFdKbExXSnZiMnN1WTI5dE1Bb0cKQ0NxR1NNNDlCQU1DQTBjQU1FUUNJQmdYTDdKQXZHLzJGc2x2Q21YM0MwZndYci9GRlhJZjlyUmpvUy9LQlN0awpBaUJMbzMweUJYTzJEYXhmNFowNno3YmVNcFM0Y3NqN1ZNZ1Z3eDFvRE15Yk93PT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=
  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZ1l3NmlFNHpDbkRmWXlrZ2UKMDJISkFhbFNnUlRjaHRjNnVlbVhja3QwUFUyaFJBTkNBQVJIRzQyZVoxVVRPMUU0M3JSaFlyOVg4cEFQM0xPagpjdGIvLzczSVdHN01EN01oOGF5OE9TMnRvVlgrNGVXbVZKTkU0Y1lrWlExWHRwTUwvVmJ2R2tYWgotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==
---
apiVersion: v1
kind: Service
metadata:
  name: s1
spec:
  selector:
    app: s1
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: s2
spec:
  selector:
    app: s2
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: s1
spec:
  replicas: 2
  selector:
    matchLabels:
      app: s1
  template:
    metadata:
      labels:
        app: s1
    spec:
      containers:
      - name: s1
        image: hashicorp/http-echo:1.0
        args: ["-listen=:8080", "-text=s1"]
        ports:
        - containerPort: 8080
        readinessProbe:
          httpGet:
            path: /
            port: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: s2
spec:
  replicas: 2
  selector:
    matchLabels:
      app: s2
  template:
    metadata:
      labels:
        app: s2
    spec:
      containers:
      - name: s2
        image: hashicorp/http-echo:1.0
        args: ["-listen=:8080", "-text=s2"]
        ports:
        - containerPort: 8080
        readinessProbe:
          httpGet:
            path: /
            port: 8080
---
# Zero-downtime rollout: probes, preStop and a grace period that fit together
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: websample
spec:
  selector:
    matchLabels:
      run: websample
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      labels:
        run: websample
    spec:
      containers:
      - image: acadx0/190713:v1
        imagePullPolicy: Always
        name: websample
        ports:
        - containerPort: 5000
          protocol: TCP
        livenessProbe:
          httpGet:
            path: /liveness
            port: 5000
        readinessProbe:
          httpGet:
            path: /readiness
            port: 5000
        lifecycle:
          preStop:
            httpGet:
              path: /prestop
              port: 5000
      terminationGracePeriodSeconds: 30
---
apiVersion: v1
kind: Service
metadata:
  name: websample
spec:
  selector:
    run: websample
  ports:
  - port: 5000
    targetPort: 5000
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: websample-ing
spec:
  rules:
  - host: 127.0.0.1.xip.io
    http:
      paths:
      - backend:
          serviceName: websample
          servicePort: 5000
        path: /
`
