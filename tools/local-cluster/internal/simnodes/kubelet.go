package simnodes

// The kubelet API of a simulated node: the endpoints the API server proxies to
// (GET /containerLogs/{namespace}/{pod}/{container}), plus /healthz and /pods.
// Status codes and messages follow the kubelet's server.go and
// validateContainerLogStatus, so `kubectl logs` answers as on a real cluster.

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/klog/v2"
)

// podGetter returns a pod by namespace and name (from the agent's informer cache).
type podGetter func(namespace, name string) (*corev1.Pod, bool)

// podLister returns all pods the agent knows about.
type podLister func() []*corev1.Pod

type kubeletServer struct {
	node      string
	getPod    podGetter
	listPods  podLister
	now       func() time.Time
	pollEvery time.Duration // how often follow=true looks for new lines and for the container's end
}

func newKubeletServer(node string, get podGetter, list podLister) *kubeletServer {
	return &kubeletServer{node: node, getPod: get, listPods: list, now: time.Now, pollEvery: time.Second}
}

// logOptions is the part of v1.PodLogOptions the kubelet reads from the query.
type logOptions struct {
	follow, previous, timestamps bool
	tailLines, limitBytes        *int64
	sinceSeconds                 *int64
	sinceTime                    *time.Time
}

// parseBool is apimachinery's query-parameter rule: absent, "0" and "false" are false.
func parseBool(q url.Values, key string) bool {
	v, ok := q[key]
	if !ok || len(v) == 0 {
		return false
	}
	return !(v[0] == "0" || strings.EqualFold(v[0], "false"))
}

func parseInt(q url.Values, key string) (*int64, error) {
	v, ok := q[key]
	if !ok || len(v) == 0 {
		return nil, nil
	}
	n, err := strconv.ParseInt(v[0], 10, 64)
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// parseLogOptions decodes and validates the query like the kubelet: decoding
// errors are 400, invalid values 422.
func parseLogOptions(q url.Values) (*logOptions, int, error) {
	if tail := q.Get("tail"); tail != "" { // the kubelet's old "tail" parameter
		q = cloneValues(q)
		q["tailLines"] = []string{tail}
		if tail == "all" {
			delete(q, "tailLines")
		}
	}
	o := &logOptions{follow: parseBool(q, "follow"), previous: parseBool(q, "previous"), timestamps: parseBool(q, "timestamps")}
	var err error
	bad := func() (*logOptions, int, error) {
		return nil, http.StatusBadRequest, errors.New(`{"message": "Unable to decode query."}`)
	}
	if o.tailLines, err = parseInt(q, "tailLines"); err != nil {
		return bad()
	}
	if o.limitBytes, err = parseInt(q, "limitBytes"); err != nil {
		return bad()
	}
	if o.sinceSeconds, err = parseInt(q, "sinceSeconds"); err != nil {
		return bad()
	}
	if s := q.Get("sinceTime"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return bad()
		}
		o.sinceTime = &t
	}
	invalid := (o.tailLines != nil && *o.tailLines < 0) ||
		(o.limitBytes != nil && *o.limitBytes < 1) ||
		(o.sinceSeconds != nil && o.sinceTime != nil) ||
		(o.sinceSeconds != nil && *o.sinceSeconds < 1)
	if invalid {
		return nil, http.StatusUnprocessableEntity, errors.New(`{"message": "Invalid request."}`)
	}
	return o, 0, nil
}

func cloneValues(q url.Values) url.Values {
	c := url.Values{}
	for k, v := range q {
		c[k] = append([]string(nil), v...)
	}
	return c
}

// writeError answers like go-restful's Response.WriteError: the error text, plain.
func writeError(w http.ResponseWriter, code int, err error) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	_, _ = io.WriteString(w, err.Error())
}

func (s *kubeletServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, errors.New("405: Method Not Allowed"))
		return
	}
	path := r.URL.Path
	switch {
	case path == "/healthz":
		_, _ = io.WriteString(w, "ok")
	case path == "/pods" || path == "/pods/":
		s.servePods(w)
	case strings.HasPrefix(path, "/containerLogs/"):
		parts := strings.Split(strings.TrimPrefix(path, "/containerLogs/"), "/")
		for len(parts) < 3 {
			parts = append(parts, "")
		}
		if len(parts) > 3 {
			writeError(w, http.StatusNotFound, errors.New("404 page not found"))
			return
		}
		s.serveLogs(w, r, parts[0], parts[1], parts[2])
	default:
		writeError(w, http.StatusNotFound, errors.New("404 page not found"))
	}
}

func (s *kubeletServer) nodePod(ns, name string) (*corev1.Pod, bool) {
	pod, ok := s.getPod(ns, name)
	if !ok || pod.Spec.NodeName != s.node {
		return nil, false
	}
	return pod, true
}

func (s *kubeletServer) servePods(w http.ResponseWriter) {
	list := &corev1.PodList{TypeMeta: metav1.TypeMeta{Kind: "PodList", APIVersion: "v1"}}
	if s.listPods != nil {
		for _, p := range s.listPods() {
			if p.Spec.NodeName == s.node {
				list.Items = append(list.Items, *p)
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(list)
}

func (s *kubeletServer) serveLogs(w http.ResponseWriter, r *http.Request, ns, podName, container string) {
	switch {
	case podName == "":
		writeError(w, http.StatusBadRequest, errors.New(`{"message": "Missing podID."}`))
		return
	case container == "":
		writeError(w, http.StatusBadRequest, errors.New(`{"message": "Missing container name."}`))
		return
	case ns == "":
		writeError(w, http.StatusBadRequest, errors.New(`{"message": "Missing podNamespace."}`))
		return
	}
	opts, code, err := parseLogOptions(r.URL.Query())
	if err != nil {
		writeError(w, code, err)
		return
	}
	pod, ok := s.nodePod(ns, podName)
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Errorf("pod %q does not exist", podName))
		return
	}
	if spec, _ := findContainer(pod, container); spec == nil {
		writeError(w, http.StatusNotFound, fmt.Errorf("container %q not found in pod %q", container, podName))
		return
	}
	run, err := logRun(pod, container, opts.previous)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Transfer-Encoding", "chunked")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	lw := &limitedWriter{w: w, left: -1}
	if opts.limitBytes != nil {
		lw.left = *opts.limitBytes
	}
	flush := func() {
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
	}
	now := s.now()
	var since time.Time
	if opts.sinceSeconds != nil {
		since = now.Add(-time.Duration(*opts.sinceSeconds) * time.Second)
	} else if opts.sinceTime != nil {
		since = *opts.sinceTime
	}
	lines := logLines(run, now)
	var last time.Time
	if n := len(lines); n > 0 {
		last = lines[n-1].T
	}
	lines = filterSince(lines, since)
	if opts.tailLines != nil && int64(len(lines)) > *opts.tailLines {
		lines = lines[int64(len(lines))-*opts.tailLines:]
	}
	if !writeLines(lw, lines, opts.timestamps) {
		return
	}
	flush()
	if !opts.follow || !run.running() {
		return
	}
	s.follow(r.Context(), lw, flush, ns, podName, container, run, last, opts.timestamps)
}

// follow streams new lines of a running container until it stops (its run ends,
// the pod goes away or moves) or the client goes away.
func (s *kubeletServer) follow(ctx context.Context, w *limitedWriter, flush func(), ns, podName, container string, run *containerRun, last time.Time, ts bool) {
	tick := time.NewTicker(s.pollEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		cur := run
		ended := false
		pod, ok := s.nodePod(ns, podName)
		if !ok {
			ended = true
		} else if r, err := logRun(pod, container, false); err != nil || r.ID != run.ID {
			// The run ended and another one (or none) is current: its last lines
			// are in the previous termination state.
			ended = true
			if _, cs := findContainer(pod, container); cs != nil {
				if t := cs.LastTerminationState.Terminated; t != nil && t.ContainerID == run.ID {
					cur = runFrom(pod, mustSpec(pod, container), run.ID, t.StartedAt.Time, t.FinishedAt.Time, t.ExitCode)
				}
				if t := cs.State.Terminated; t != nil && (t.ContainerID == run.ID || (t.ContainerID == "" && cs.ContainerID == run.ID)) {
					cur = runFrom(pod, mustSpec(pod, container), run.ID, t.StartedAt.Time, t.FinishedAt.Time, t.ExitCode)
				}
			}
		} else if !r.running() {
			ended, cur = true, r
		}
		var fresh []logLine
		for _, l := range logLines(cur, s.now()) {
			if l.T.After(last) {
				fresh = append(fresh, l)
			}
		}
		if len(fresh) > 0 {
			last = fresh[len(fresh)-1].T
			if !writeLines(w, fresh, ts) {
				return
			}
			flush()
		}
		if ended {
			return
		}
	}
}

func mustSpec(pod *corev1.Pod, name string) *corev1.Container {
	spec, _ := findContainer(pod, name)
	if spec == nil {
		return &corev1.Container{Name: name}
	}
	return spec
}

func filterSince(lines []logLine, since time.Time) []logLine {
	if since.IsZero() {
		return lines
	}
	for i, l := range lines {
		if !l.T.Before(since) {
			return lines[i:]
		}
	}
	return nil
}

// writeLines writes lines (with an RFC 3339 timestamp prefix, as the kubelet
// does, if asked); false when the byte limit is reached or the write failed.
func writeLines(w *limitedWriter, lines []logLine, timestamps bool) bool {
	var b strings.Builder
	for _, l := range lines {
		b.Reset()
		if timestamps {
			b.WriteString(l.T.UTC().Format(time.RFC3339Nano))
			b.WriteByte(' ')
		}
		b.WriteString(l.Text)
		b.WriteByte('\n')
		if !w.write(b.String()) {
			return false
		}
	}
	return true
}

// limitedWriter stops after limitBytes bytes (left < 0: no limit), cutting the last line like the kubelet.
type limitedWriter struct {
	w    io.Writer
	left int64
}

func (l *limitedWriter) write(s string) bool {
	if l.left == 0 {
		return false
	}
	if l.left > 0 && int64(len(s)) > l.left {
		s = s[:l.left]
	}
	n, err := io.WriteString(l.w, s)
	if l.left > 0 {
		l.left -= int64(n)
	}
	return err == nil && l.left != 0
}

// withClientCert lets through requests with a client certificate the TLS layer
// verified (the API server's --kubelet-client-certificate); others get 401 as
// from a kubelet with anonymous auth off. Instead of the kubelet's
// SubjectAccessReview (nodes/proxy), it admits the API server's kubelet client
// (CN kube-apiserver-kubelet-client) and cluster admins (O system:masters or
// kubeadm:cluster-admins), and answers others 403 with the kubelet's message.
func withClientCert(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cn, orgs, err := clientIdentity(r.TLS)
		if err != nil {
			writeError(w, http.StatusUnauthorized, errors.New("Unauthorized"))
			return
		}
		if !kubeletAllowed(cn, orgs) {
			sub := "proxy"
			if r.URL.Path == "/healthz" {
				sub = "healthz"
			}
			writeError(w, http.StatusForbidden, fmt.Errorf("Forbidden (user=%s, verb=get, resource=nodes, subresource(s)=[%s])", cn, sub))
			return
		}
		h.ServeHTTP(w, r)
	})
}

func kubeletAllowed(cn string, orgs []string) bool {
	if cn == "kube-apiserver-kubelet-client" {
		return true
	}
	for _, o := range orgs {
		if o == "system:masters" || o == "kubeadm:cluster-admins" {
			return true
		}
	}
	return false
}

// serveTLS serves h on addr until ctx ends, with the given serving certificate,
// verifying client certificates against clientCAs.
func serveTLS(ctx context.Context, name, addr string, cert tls.Certificate, clientCAs *tls.Config, h http.Handler) (net.Addr, error) {
	cfg := clientCAs.Clone()
	cfg.Certificates = []tls.Certificate{cert}
	cfg.MinVersion = tls.VersionTLS12
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	srv := &http.Server{Handler: h, TLSConfig: cfg, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: nil, BaseContext: func(net.Listener) context.Context { return ctx }}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		_ = srv.Close()
	}()
	go func() {
		klog.Infof("%s listening on https://%s", name, ln.Addr())
		if err := srv.ServeTLS(ln, "", ""); err != nil && !errors.Is(err, http.ErrServerClosed) {
			klog.Errorf("%s: %v", name, err)
		}
	}()
	return ln.Addr(), nil
}
