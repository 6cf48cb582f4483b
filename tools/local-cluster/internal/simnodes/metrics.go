package simnodes

// The resource metrics API (metrics.k8s.io/v1beta1) for the simulated nodes, as
// metrics-server would serve it: NodeMetrics and PodMetrics, get and list, with
// label and field selectors. The API server's aggregator proxies to it (see the
// APIService that ensureMetricsAPIService registers).
//
// Usage is made up but plausible: each container uses a share of its request
// (or of a small default) that drifts slowly with time plus some noise, never
// above 90% of its limit; a node's usage is the sum of its pods plus what the
// system (kubelet, containerd, the OS) uses. Values change every 15 s, like
// metrics-server's default resolution.

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"
	metricsv1beta1 "k8s.io/metrics/pkg/apis/metrics/v1beta1"
)

const (
	metricsGroup      = "metrics.k8s.io"
	metricsVersion    = "v1beta1"
	metricsPrefix     = "/apis/" + metricsGroup + "/" + metricsVersion
	metricsResolution = 15 * time.Second
)

type metricsServer struct {
	nodes func() []*corev1.Node // the simulated nodes that report metrics (Ready ones)
	pods  podLister
	now   func() time.Time
}

// unit is a stable pseudo-random number in [0,1).
func unit(parts ...string) float64 {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return float64(binary.BigEndian.Uint64(h[:8])>>11) / float64(1<<53)
}

// wave moves smoothly between 0 and 1 with the given period and phase (0..1).
func wave(t time.Time, period time.Duration, phase float64) float64 {
	x := float64(t.UnixNano())/float64(period) + phase
	return 0.5 + 0.5*math.Sin(2*math.Pi*x)
}

// containerUsage returns the CPU (nanocores, like metrics-server) and memory
// (bytes) a container uses at sample time t.
func containerUsage(pod *corev1.Pod, c *corev1.Container, t time.Time) (cpuNano, memBytes int64) {
	key := string(pod.UID) + "/" + pod.Namespace + "/" + pod.Name + "/" + c.Name
	slot := fmt.Sprint(t.Unix() / int64(metricsResolution/time.Second))
	req, lim := c.Resources.Requests, c.Resources.Limits

	cpuBase := req.Cpu().MilliValue()
	if cpuBase == 0 {
		cpuBase = lim.Cpu().MilliValue() / 4
	}
	if cpuBase == 0 {
		cpuBase = 100
	}
	lo, hi := 0.08, 0.45 // share of the request: stays well below an HPA's 70% target
	switch profileFor(&containerRun{Image: c.Image, Args: append(append([]string(nil), c.Command...), c.Args...)}).name {
	case "pytorch":
		lo, hi = 0.55, 0.85
	case "redis", "configurable-http-proxy", "image-cleaner":
		lo, hi = 0.03, 0.2
	}
	period := 10*time.Minute + time.Duration(unit(key, "cpu-period")*float64(20*time.Minute))
	frac := lo + (hi-lo)*(0.75*wave(t, period, unit(key, "cpu-phase"))+0.25*unit(key, "cpu", slot))
	cpu := float64(cpuBase) * frac
	if l := lim.Cpu().MilliValue(); l > 0 && cpu > 0.9*float64(l) {
		cpu = 0.9 * float64(l)
	}

	memBase := req.Memory().Value()
	if memBase == 0 {
		memBase = lim.Memory().Value() / 2
	}
	if memBase == 0 {
		memBase = 96 << 20
	}
	mperiod := time.Hour + time.Duration(unit(key, "mem-period")*float64(time.Hour))
	mfrac := 0.35 + 0.3*wave(t, mperiod, unit(key, "mem-phase")) + 0.03*unit(key, "mem", slot)
	mem := float64(memBase) * mfrac
	if l := lim.Memory().Value(); l > 0 && mem > 0.9*float64(l) {
		mem = 0.9 * float64(l)
	}
	cpuNano = int64(math.Max(1e5, cpu*1e6))
	memBytes = int64(mem) / 1024 * 1024
	return cpuNano, memBytes
}

// systemUsage is what a node uses besides its pods (kubelet, containerd, OS and,
// on a control-plane node, the control plane).
func systemUsage(node *corev1.Node, t time.Time) (cpuNano, memBytes int64) {
	slot := fmt.Sprint(t.Unix() / int64(metricsResolution/time.Second))
	cpu := 120 + 80*wave(t, 17*time.Minute, unit(node.Name, "sys")) + 40*unit(node.Name, "sys", slot)
	mem := float64(1100<<20) + float64(200<<20)*unit(node.Name, "sysmem")
	if _, cp := node.Labels["node-role.kubernetes.io/control-plane"]; cp {
		cpu += 250
		mem += 1800 << 20
	}
	return int64(cpu * 1e6), int64(mem) / 1024 * 1024
}

func cpuQuantity(nano int64) resource.Quantity {
	return *resource.NewScaledQuantity(nano, resource.Nano)
}

func memQuantity(bytes int64) resource.Quantity {
	return *resource.NewQuantity(bytes, resource.BinarySI)
}

func containerRunning(pod *corev1.Pod, name string) bool {
	for _, cs := range pod.Status.ContainerStatuses {
		if cs.Name == name {
			return cs.State.Running != nil
		}
	}
	return false
}

// podMetrics returns the pod's metrics, or false when no container of it runs.
func podMetrics(pod *corev1.Pod, sample time.Time) (metricsv1beta1.PodMetrics, bool) {
	pm := metricsv1beta1.PodMetrics{
		TypeMeta: metav1.TypeMeta{Kind: "PodMetrics", APIVersion: metricsGroup + "/" + metricsVersion},
		ObjectMeta: metav1.ObjectMeta{Name: pod.Name, Namespace: pod.Namespace, Labels: pod.Labels,
			CreationTimestamp: metav1.NewTime(sample)},
		Timestamp: metav1.NewTime(sample),
		Window:    metav1.Duration{Duration: metricsResolution},
	}
	if pod.Status.Phase != corev1.PodRunning || pod.DeletionTimestamp != nil {
		return pm, false
	}
	for i := range pod.Spec.Containers {
		c := &pod.Spec.Containers[i]
		if !containerRunning(pod, c.Name) {
			continue
		}
		cpu, mem := containerUsage(pod, c, sample)
		pm.Containers = append(pm.Containers, metricsv1beta1.ContainerMetrics{Name: c.Name,
			Usage: corev1.ResourceList{corev1.ResourceCPU: cpuQuantity(cpu), corev1.ResourceMemory: memQuantity(mem)}})
	}
	return pm, len(pm.Containers) > 0
}

func (m *metricsServer) sampleTime() time.Time {
	return m.now().Truncate(metricsResolution)
}

func (m *metricsServer) nodeMetrics(node *corev1.Node, pods []*corev1.Pod, sample time.Time) metricsv1beta1.NodeMetrics {
	cpu, mem := systemUsage(node, sample)
	for _, p := range pods {
		if p.Spec.NodeName != node.Name {
			continue
		}
		if pm, ok := podMetrics(p, sample); ok {
			for _, c := range pm.Containers {
				cpu += c.Usage.Cpu().ScaledValue(resource.Nano)
				mem += c.Usage.Memory().Value()
			}
		}
	}
	if a := node.Status.Allocatable.Cpu().ScaledValue(resource.Nano); a > 0 && cpu > a/100*95 {
		cpu = a / 100 * 95
	}
	if a := node.Status.Allocatable.Memory().Value(); a > 0 && mem > a/100*95 {
		mem = a / 100 * 95 / 1024 * 1024
	}
	return metricsv1beta1.NodeMetrics{
		TypeMeta: metav1.TypeMeta{Kind: "NodeMetrics", APIVersion: metricsGroup + "/" + metricsVersion},
		ObjectMeta: metav1.ObjectMeta{Name: node.Name, Labels: node.Labels,
			CreationTimestamp: metav1.NewTime(sample)},
		Timestamp: metav1.NewTime(sample),
		Window:    metav1.Duration{Duration: metricsResolution},
		Usage:     corev1.ResourceList{corev1.ResourceCPU: cpuQuantity(cpu), corev1.ResourceMemory: memQuantity(mem)},
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func writeStatus(w http.ResponseWriter, err *apierrors.StatusError) {
	st := err.ErrStatus
	st.TypeMeta = metav1.TypeMeta{Kind: "Status", APIVersion: "v1"}
	writeJSON(w, int(st.Code), st)
}

var (
	nodeMetricsResource = schema.GroupResource{Group: metricsGroup, Resource: "nodes"}
	podMetricsResource  = schema.GroupResource{Group: metricsGroup, Resource: "pods"}
)

func (m *metricsServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	switch path {
	case "/healthz", "/livez", "/readyz":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok"))
		return
	case "/openapi/v2":
		// A minimal spec, so that the aggregator's OpenAPI controller has something to merge.
		writeJSON(w, http.StatusOK, map[string]any{"swagger": "2.0", "paths": map[string]any{},
			"info": map[string]string{"title": "metrics.k8s.io (simulated by local-cluster nodes)", "version": metricsVersion}})
		return
	case "/apis":
		writeJSON(w, http.StatusOK, metav1.APIGroupList{TypeMeta: metav1.TypeMeta{Kind: "APIGroupList", APIVersion: "v1"},
			Groups: []metav1.APIGroup{metricsAPIGroup()}})
		return
	case "/apis/" + metricsGroup:
		g := metricsAPIGroup()
		g.TypeMeta = metav1.TypeMeta{Kind: "APIGroup", APIVersion: "v1"}
		writeJSON(w, http.StatusOK, g)
		return
	case metricsPrefix:
		writeJSON(w, http.StatusOK, metav1.APIResourceList{
			TypeMeta:     metav1.TypeMeta{Kind: "APIResourceList", APIVersion: "v1"},
			GroupVersion: metricsGroup + "/" + metricsVersion,
			APIResources: []metav1.APIResource{
				{Name: "nodes", Namespaced: false, Kind: "NodeMetrics", Verbs: metav1.Verbs{"get", "list"}},
				{Name: "pods", Namespaced: true, Kind: "PodMetrics", Verbs: metav1.Verbs{"get", "list"}},
			},
		})
		return
	}
	if !strings.HasPrefix(path, metricsPrefix+"/") {
		writeStatus(w, apierrors.NewNotFound(schema.GroupResource{}, ""))
		return
	}
	if r.Method != http.MethodGet {
		writeStatus(w, apierrors.NewMethodNotSupported(schema.GroupResource{Group: metricsGroup, Resource: "metrics"}, strings.ToLower(r.Method)))
		return
	}
	parts := strings.Split(strings.TrimPrefix(path, metricsPrefix+"/"), "/")
	q := r.URL.Query()
	if parseBool(q, "watch") {
		writeStatus(w, apierrors.NewMethodNotSupported(podMetricsResource, "watch"))
		return
	}
	lsel, err := labels.Parse(q.Get("labelSelector"))
	if err != nil {
		writeStatus(w, apierrors.NewBadRequest(err.Error()))
		return
	}
	fsel, err := fields.ParseSelector(q.Get("fieldSelector"))
	if err != nil {
		writeStatus(w, apierrors.NewBadRequest(err.Error()))
		return
	}
	switch {
	case len(parts) == 1 && parts[0] == "nodes":
		m.listNodes(w, lsel, fsel)
	case len(parts) == 2 && parts[0] == "nodes":
		m.getNode(w, parts[1])
	case len(parts) == 1 && parts[0] == "pods":
		m.listPods(w, "", lsel, fsel)
	case len(parts) == 3 && parts[0] == "namespaces" && parts[2] == "pods":
		m.listPods(w, parts[1], lsel, fsel)
	case len(parts) == 4 && parts[0] == "namespaces" && parts[2] == "pods":
		m.getPod(w, parts[1], parts[3])
	default:
		writeStatus(w, apierrors.NewNotFound(schema.GroupResource{}, ""))
	}
}

func metricsAPIGroup() metav1.APIGroup {
	gv := metav1.GroupVersionForDiscovery{GroupVersion: metricsGroup + "/" + metricsVersion, Version: metricsVersion}
	return metav1.APIGroup{Name: metricsGroup, Versions: []metav1.GroupVersionForDiscovery{gv}, PreferredVersion: gv}
}

func (m *metricsServer) listNodes(w http.ResponseWriter, lsel labels.Selector, fsel fields.Selector) {
	sample := m.sampleTime()
	pods := m.pods()
	list := metricsv1beta1.NodeMetricsList{TypeMeta: metav1.TypeMeta{Kind: "NodeMetricsList", APIVersion: metricsGroup + "/" + metricsVersion},
		Items: []metricsv1beta1.NodeMetrics{}}
	for _, n := range m.nodes() {
		if !lsel.Matches(labels.Set(n.Labels)) || !fsel.Matches(fields.Set{"metadata.name": n.Name}) {
			continue
		}
		list.Items = append(list.Items, m.nodeMetrics(n, pods, sample))
	}
	sort.Slice(list.Items, func(i, j int) bool { return list.Items[i].Name < list.Items[j].Name })
	writeJSON(w, http.StatusOK, list)
}

func (m *metricsServer) getNode(w http.ResponseWriter, name string) {
	for _, n := range m.nodes() {
		if n.Name == name {
			writeJSON(w, http.StatusOK, m.nodeMetrics(n, m.pods(), m.sampleTime()))
			return
		}
	}
	writeStatus(w, apierrors.NewNotFound(nodeMetricsResource, name))
}

func (m *metricsServer) listPods(w http.ResponseWriter, ns string, lsel labels.Selector, fsel fields.Selector) {
	sample := m.sampleTime()
	list := metricsv1beta1.PodMetricsList{TypeMeta: metav1.TypeMeta{Kind: "PodMetricsList", APIVersion: metricsGroup + "/" + metricsVersion},
		Items: []metricsv1beta1.PodMetrics{}}
	for _, p := range m.pods() {
		if ns != "" && p.Namespace != ns {
			continue
		}
		if !lsel.Matches(labels.Set(p.Labels)) ||
			!fsel.Matches(fields.Set{"metadata.name": p.Name, "metadata.namespace": p.Namespace}) {
			continue
		}
		if pm, ok := podMetrics(p, sample); ok {
			list.Items = append(list.Items, pm)
		}
	}
	sort.Slice(list.Items, func(i, j int) bool {
		a, b := list.Items[i], list.Items[j]
		return a.Namespace < b.Namespace || (a.Namespace == b.Namespace && a.Name < b.Name)
	})
	writeJSON(w, http.StatusOK, list)
}

func (m *metricsServer) getPod(w http.ResponseWriter, ns, name string) {
	for _, p := range m.pods() {
		if p.Namespace == ns && p.Name == name {
			if pm, ok := podMetrics(p, m.sampleTime()); ok {
				writeJSON(w, http.StatusOK, pm)
				return
			}
			break
		}
	}
	writeStatus(w, apierrors.NewNotFound(podMetricsResource, name))
}

// withFrontProxy admits requests that come through the API server's aggregator:
// a client certificate verified against the front-proxy CA (checked by TLS) whose
// name is an allowed one. The user is in X-Remote-User; the API server has
// already authorized the request, so it is not checked again.
func withFrontProxy(h http.Handler, allowedNames []string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cn, _, err := clientIdentity(r.TLS)
		ok := err == nil
		if ok && len(allowedNames) > 0 {
			ok = false
			for _, n := range allowedNames {
				ok = ok || n == cn
			}
		}
		if !ok && !strings.HasPrefix(r.URL.Path, "/healthz") && !strings.HasPrefix(r.URL.Path, "/livez") && !strings.HasPrefix(r.URL.Path, "/readyz") {
			writeStatus(w, apierrors.NewUnauthorized("Unauthorized"))
			return
		}
		h.ServeHTTP(w, r)
	})
}
