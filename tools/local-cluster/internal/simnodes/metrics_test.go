package simnodes

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	metricsv1beta1 "k8s.io/metrics/pkg/apis/metrics/v1beta1"
)

func metricsFixture(t *testing.T) (*metricsServer, *fakePods, *httptest.Server, *time.Time) {
	t.Helper()
	cfg := testConfig()
	var nodes []*corev1.Node
	for i := range cfg.Nodes[:2] {
		n, err := buildNode(cfg, i, "v1.34.4", logBase)
		if err != nil {
			t.Fatal(err)
		}
		nodes = append(nodes, n)
	}
	store := &fakePods{pods: map[string]*corev1.Pod{}}
	for i, name := range []string{"api-1", "api-2", "api-3"} {
		p := runningPod("science", name, []string{"cp", "gpu", "gpu"}[i], "api", "ghcr.io/example-org/science-api:1.4.2", logBase)
		p.Labels = map[string]string{"app.kubernetes.io/component": "api"}
		p.Spec.Containers[0].Resources = corev1.ResourceRequirements{
			Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("500m"), corev1.ResourceMemory: resource.MustParse("512Mi")},
			Limits:   corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("1Gi")},
		}
		store.pods["science/"+name] = p
	}
	trainer := runningPod("ml", "trainer-1", "gpu", "trainer", "nvcr.io/nvidia/pytorch:24.08-py3", logBase)
	trainer.Spec.Containers[0].Resources.Requests = corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("16Gi")}
	store.pods["ml/trainer-1"] = trainer
	store.pods["science/worker-1"] = crashLoopPod("science", "worker-1", "gpu")      // no running container: no metrics
	bare := runningPod("default", "bare", "cp", "app", "example.org/app:1", logBase) // no requests or limits
	store.pods["default/bare"] = bare

	clock := logBase.Add(time.Hour)
	ms := &metricsServer{nodes: func() []*corev1.Node { return nodes }, pods: store.list, now: func() time.Time { return clock }}
	srv := httptest.NewServer(ms)
	t.Cleanup(srv.Close)
	return ms, store, srv, &clock
}

func decode(t *testing.T, body string, into any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), into); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
}

func TestMetricsDiscovery(t *testing.T) {
	_, _, srv, _ := metricsFixture(t)
	code, body := get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1")
	var rl metav1.APIResourceList
	decode(t, body, &rl)
	if code != 200 || rl.GroupVersion != "metrics.k8s.io/v1beta1" || len(rl.APIResources) != 2 ||
		rl.APIResources[0].Kind != "NodeMetrics" || rl.APIResources[1].Kind != "PodMetrics" || !rl.APIResources[1].Namespaced {
		t.Errorf("discovery: %d %s", code, body)
	}
	var gl metav1.APIGroupList
	code, body = get(t, srv.URL+"/apis")
	decode(t, body, &gl)
	if code != 200 || len(gl.Groups) != 1 || gl.Groups[0].PreferredVersion.Version != "v1beta1" {
		t.Errorf("/apis: %d %s", code, body)
	}
}

func TestNodeMetrics(t *testing.T) {
	ms, store, srv, _ := metricsFixture(t)
	code, body := get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/nodes")
	var list metricsv1beta1.NodeMetricsList
	decode(t, body, &list)
	if code != 200 || list.Kind != "NodeMetricsList" || len(list.Items) != 2 {
		t.Fatalf("list: %d %s", code, body)
	}
	nodes := ms.nodes()
	for _, nm := range list.Items {
		var node *corev1.Node
		for _, n := range nodes {
			if n.Name == nm.Name {
				node = n
			}
		}
		cpu, mem := nm.Usage.Cpu(), nm.Usage.Memory()
		if cpu.MilliValue() < 100 || cpu.Cmp(*node.Status.Allocatable.Cpu()) >= 0 {
			t.Errorf("%s: cpu %s not between 100m and allocatable %s", nm.Name, cpu, node.Status.Allocatable.Cpu())
		}
		if mem.Value() < 1<<30 || mem.Cmp(*node.Status.Allocatable.Memory()) >= 0 {
			t.Errorf("%s: memory %s not between 1Gi and allocatable", nm.Name, mem)
		}
		if nm.Window.Duration != 15*time.Second || nm.Labels["node.kubernetes.io/instance-type"] == "" {
			t.Errorf("%s: window %s, labels %v", nm.Name, nm.Window.Duration, nm.Labels)
		}
		// A node uses at least what its pods use.
		var podCPU int64
		for _, p := range store.list() {
			if pm, ok := podMetrics(p, nm.Timestamp.Time); ok && p.Spec.NodeName == nm.Name {
				for _, c := range pm.Containers {
					podCPU += c.Usage.Cpu().MilliValue()
				}
			}
		}
		if cpu.MilliValue() <= podCPU {
			t.Errorf("%s: node cpu %dm not above its pods' %dm", nm.Name, cpu.MilliValue(), podCPU)
		}
	}
	if !strings.HasSuffix(list.Items[0].Usage.Cpu().String(), "n") {
		t.Errorf("cpu should be in nanocores like metrics-server: %s", list.Items[0].Usage.Cpu())
	}

	code, body = get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/nodes/gpu")
	var one metricsv1beta1.NodeMetrics
	decode(t, body, &one)
	if code != 200 || one.Name != "gpu" || one.Kind != "NodeMetrics" {
		t.Errorf("get: %d %s", code, body)
	}
	code, body = get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/nodes/nope")
	var st metav1.Status
	decode(t, body, &st)
	if code != 404 || st.Reason != metav1.StatusReasonNotFound || st.Message != `nodes.metrics.k8s.io "nope" not found` {
		t.Errorf("unknown node: %d %s", code, body)
	}
	code, body = get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/nodes?labelSelector=node-role.kubernetes.io/control-plane")
	decode(t, body, &list)
	if code != 200 || len(list.Items) != 1 || list.Items[0].Name != "cp" {
		t.Errorf("label selector: %d %s", code, body)
	}
}

func TestPodMetrics(t *testing.T) {
	_, _, srv, _ := metricsFixture(t)
	code, body := get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/pods")
	var list metricsv1beta1.PodMetricsList
	decode(t, body, &list)
	if code != 200 || list.Kind != "PodMetricsList" {
		t.Fatalf("list: %d %s", code, body)
	}
	var names []string
	for _, pm := range list.Items {
		names = append(names, pm.Namespace+"/"+pm.Name)
		if len(pm.Containers) != 1 || pm.Containers[0].Usage.Cpu().IsZero() || pm.Containers[0].Usage.Memory().IsZero() {
			t.Errorf("%s: containers %v", pm.Name, pm.Containers)
		}
	}
	if got := strings.Join(names, " "); got != "default/bare ml/trainer-1 science/api-1 science/api-2 science/api-3" {
		t.Errorf("pods with metrics: %s (the crash-looping worker has no running container)", got)
	}

	code, body = get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/namespaces/science/pods?labelSelector=app.kubernetes.io/component%3Dapi")
	decode(t, body, &list)
	if code != 200 || len(list.Items) != 3 {
		t.Errorf("namespaced list with selector: %d %s", code, body)
	}
	code, body = get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/namespaces/science/pods?fieldSelector=metadata.name%3Dapi-2")
	decode(t, body, &list)
	if code != 200 || len(list.Items) != 1 || list.Items[0].Name != "api-2" {
		t.Errorf("field selector: %d %s", code, body)
	}
	var pm metricsv1beta1.PodMetrics
	code, body = get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/namespaces/ml/pods/trainer-1")
	decode(t, body, &pm)
	if code != 200 || pm.Name != "trainer-1" || pm.Containers[0].Usage.Cpu().MilliValue() < 2000 {
		t.Errorf("trainer (busy, 4 cpu requested): %d %s", code, body)
	}
	for _, path := range []string{"namespaces/science/pods/worker-1", "namespaces/science/pods/nope", "namespaces/ml/pods/api-1"} {
		if code, body := get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/"+path); code != 404 || !strings.Contains(body, `"reason":"NotFound"`) {
			t.Errorf("%s: %d %s", path, code, body)
		}
	}
	if code, body := get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/pods?labelSelector=a%20in%20(("); code != 400 || !strings.Contains(body, `"reason":"BadRequest"`) {
		t.Errorf("bad selector: %d %s", code, body)
	}
	if code, _ := get(t, srv.URL+"/apis/metrics.k8s.io/v1beta1/pods?watch=true"); code != 405 {
		t.Errorf("watch: %d", code)
	}
}

// Usage moves over time, stays the same within one 15 s sample, and stays
// below the HPA target (70% of the request) and the limit.
func TestUsageOverTime(t *testing.T) {
	_, store, _, _ := metricsFixture(t)
	api, _ := store.get("science", "api-1")
	c := &api.Spec.Containers[0]
	seen := map[int64]bool{}
	t0 := logBase.Truncate(metricsResolution)
	for i := 0; i < 24*60/5; i++ {
		ts := t0.Add(time.Duration(i) * 5 * time.Minute)
		cpu, mem := containerUsage(api, c, ts)
		if cpu <= 0 || cpu >= 350e6 {
			t.Fatalf("%s: api cpu %dn, want 0 < cpu < 70%% of 500m", ts, cpu)
		}
		if mem <= 0 || mem > (1<<30)*9/10 {
			t.Fatalf("%s: api memory %d above 90%% of the 1Gi limit", ts, mem)
		}
		seen[cpu] = true
		if cpu2, mem2 := containerUsage(api, c, ts); cpu2 != cpu || mem2 != mem {
			t.Fatal("usage is not a function of the sample time")
		}
	}
	if len(seen) < 50 {
		t.Errorf("cpu took only %d distinct values over a day", len(seen))
	}
}

func TestMetricsRequireProxyCert(t *testing.T) {
	_, _, srv, _ := metricsFixture(t)
	h := httptest.NewServer(withFrontProxy(srv.Config.Handler, []string{"front-proxy-client"}))
	defer h.Close()
	if code, body := get(t, h.URL+"/apis/metrics.k8s.io/v1beta1/nodes"); code != 401 || !strings.Contains(body, "Unauthorized") {
		t.Errorf("without a proxy client certificate: %d %s", code, body)
	}
	if code, _ := get(t, h.URL+"/healthz"); code != 200 {
		t.Errorf("/healthz: %d", code)
	}
}
