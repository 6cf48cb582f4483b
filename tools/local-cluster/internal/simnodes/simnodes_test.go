package simnodes

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

func TestFlavorTable(t *testing.T) {
	want := map[string][4]int64{ // vCPU, RAM GB, disk GB, GPU
		"m3.tiny": {1, 3, 20, 0}, "m3.small": {2, 6, 20, 0}, "m3.quad": {4, 15, 20, 0},
		"m3.medium": {8, 30, 60, 0}, "m3.large": {16, 60, 60, 0}, "m3.xl": {32, 125, 60, 0},
		"g3.medium": {8, 30, 60, 1}, "g3.large": {16, 60, 60, 1},
	}
	if len(flavors) != len(want) {
		t.Errorf("flavor table has %d entries, want %d", len(flavors), len(want))
	}
	for name, w := range want {
		f, err := lookupFlavor(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := [4]int64{f.VCPU, f.RAMGB, f.DiskGB, f.GPU}; got != w {
			t.Errorf("%s = %v, want %v", name, got, w)
		}
	}
	if _, err := lookupFlavor("m1.huge"); err == nil || !strings.Contains(err.Error(), "m3.medium") {
		t.Errorf("unknown flavor error should list the known ones, got %v", err)
	}
}

func TestLoadShippedNodesConfig(t *testing.T) {
	cfg, err := loadNodesConfig("../../nodes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "IU" || len(cfg.Nodes) != 5 {
		t.Fatalf("region %q, %d nodes; want IU and 5", cfg.Region, len(cfg.Nodes))
	}
	gpu := 0
	for _, n := range cfg.Nodes {
		if !n.ready() {
			t.Errorf("node %s is NotReady by default", n.Name)
		}
		if strings.HasPrefix(n.Flavor, "g3.") {
			gpu++
		}
	}
	if gpu != 1 {
		t.Errorf("want exactly one GPU node, got %d", gpu)
	}
}

func testConfig() *NodesConfig {
	return &NodesConfig{Region: "IU", Zone: "nova", Nodes: []NodeConfig{
		{Name: "cp", Flavor: "m3.medium", Role: "control-plane"},
		{Name: "gpu", Flavor: "g3.medium"},
		{Name: "sick", Flavor: "m3.small", Ready: new(bool), Unschedulable: true},
	}}
}

func TestBuildNode(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	cfg := testConfig()

	cp, err := buildNode(cfg, 0, "v1.34.4", now)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"node.kubernetes.io/instance-type": "m3.medium", "topology.kubernetes.io/region": "IU",
		"kubernetes.io/hostname": "cp", "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
		"node-role.kubernetes.io/control-plane": "",
	} {
		if got, ok := cp.Labels[k]; !ok || got != v {
			t.Errorf("label %s = %q (present %v), want %q", k, got, ok, v)
		}
	}
	if len(cp.Spec.Taints) != 1 || cp.Spec.Taints[0].Key != "node-role.kubernetes.io/control-plane" || cp.Spec.Taints[0].Effect != corev1.TaintEffectNoSchedule {
		t.Errorf("control-plane taints = %v", cp.Spec.Taints)
	}
	if c := cp.Status.Capacity[corev1.ResourceCPU]; c.Value() != 8 {
		t.Errorf("cpu = %s", c.String())
	}
	if m := cp.Status.Capacity[corev1.ResourceMemory]; m.Value() != 30_000_000_000 {
		t.Errorf("memory = %s", m.String())
	}
	if p := cp.Status.Allocatable[corev1.ResourcePods]; p.Value() != 110 {
		t.Errorf("pods = %s", p.String())
	}
	if _, ok := cp.Status.Capacity[gpuResource]; ok {
		t.Error("m3 node must not have GPUs")
	}
	if cp.Status.NodeInfo.KubeletVersion != "v1.34.4" || !strings.HasPrefix(cp.Status.NodeInfo.ContainerRuntimeVersion, "containerd://1.7.") {
		t.Errorf("nodeInfo = %+v", cp.Status.NodeInfo)
	}
	if cp.Spec.PodCIDR != "10.244.0.0/24" || cp.Status.Addresses[0].Address != "10.0.0.10" {
		t.Errorf("podCIDR %s, address %v", cp.Spec.PodCIDR, cp.Status.Addresses)
	}
	if got := conditionStatus(cp.Status.Conditions, corev1.NodeReady); got != corev1.ConditionTrue {
		t.Errorf("Ready = %s", got)
	}
	if got := conditionStatus(cp.Status.Conditions, corev1.NodeMemoryPressure); got != corev1.ConditionFalse {
		t.Errorf("MemoryPressure = %s", got)
	}

	gpu, _ := buildNode(cfg, 1, "v1.34.4", now)
	if q := gpu.Status.Capacity[gpuResource]; q.Value() != 1 {
		t.Errorf("gpu capacity = %s", q.String())
	}
	if len(gpu.Spec.Taints) != 1 || gpu.Spec.Taints[0].Key != "nvidia.com/gpu" || gpu.Spec.Taints[0].Value != "present" {
		t.Errorf("gpu taints = %v", gpu.Spec.Taints)
	}

	sick, _ := buildNode(cfg, 2, "v1.34.4", now)
	if !sick.Spec.Unschedulable || conditionStatus(sick.Status.Conditions, corev1.NodeReady) != corev1.ConditionFalse {
		t.Errorf("ready:false/unschedulable node: unschedulable=%v conditions=%v", sick.Spec.Unschedulable, sick.Status.Conditions)
	}
}

func TestRefreshConditionsKeepsTransitionTime(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	t1 := t0.Add(time.Hour)
	got := refreshConditions(nodeConditions(true, t0, t0), true, t1)
	for _, c := range got {
		if !c.LastTransitionTime.Time.Equal(t0) || !c.LastHeartbeatTime.Time.Equal(t1) {
			t.Errorf("%s: transition %v heartbeat %v", c.Type, c.LastTransitionTime, c.LastHeartbeatTime)
		}
	}
	got = refreshConditions(got, false, t1)
	for _, c := range got {
		if c.Type == corev1.NodeReady && !c.LastTransitionTime.Time.Equal(t1) {
			t.Errorf("Ready flipped but transition time kept: %v", c.LastTransitionTime)
		}
	}
}

func conditionStatus(conds []corev1.NodeCondition, t corev1.NodeConditionType) corev1.ConditionStatus {
	for _, c := range conds {
		if c.Type == t {
			return c.Status
		}
	}
	return ""
}

func TestNormalizeImage(t *testing.T) {
	for in, want := range map[string]string{
		"nginx":                            "docker.io/library/nginx:latest",
		"redis:7.4-alpine":                 "docker.io/library/redis:7.4-alpine",
		"jupyter/base-notebook:x":          "docker.io/jupyter/base-notebook:x",
		"quay.io/jupyterhub/k8s-hub:4.0.0": "quay.io/jupyterhub/k8s-hub:4.0.0",
		"localhost:5000/app":               "localhost:5000/app:latest",
	} {
		ref, id := normalizeImage(in)
		if ref != want {
			t.Errorf("normalizeImage(%q) = %q, want %q", in, ref, want)
		}
		name := want[:strings.LastIndex(want, ":")]
		if !strings.HasPrefix(id, name+"@sha256:") || len(id) != len(name)+len("@sha256:")+64 {
			t.Errorf("imageID for %q = %q", in, id)
		}
	}
	if _, id := normalizeImage("ghcr.io/a/b@sha256:abc"); id != "ghcr.io/a/b@sha256:abc" {
		t.Errorf("digest reference: imageID %q", id)
	}
}

func TestCrashBackoff(t *testing.T) {
	want := []time.Duration{10, 10, 20, 40, 80, 160, 300, 300}
	for i, w := range want {
		if got := crashBackoff(int32(i)); got != w*time.Second {
			t.Errorf("crashBackoff(%d) = %v, want %v", i, got, w*time.Second)
		}
	}
}

func testPod(annotations map[string]string, owner string, restart corev1.RestartPolicy) *corev1.Pod {
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "ns", UID: types.UID("uid-1"), Annotations: annotations},
		Spec: corev1.PodSpec{
			NodeName:       "gpu",
			RestartPolicy:  restart,
			InitContainers: []corev1.Container{{Name: "init", Image: "busybox:1.36"}},
			Containers:     []corev1.Container{{Name: "main", Image: "quay.io/jupyterhub/k8s-hub:4.0.0"}, {Name: "side", Image: "nginx"}},
		},
		Status: corev1.PodStatus{Phase: corev1.PodPending, QOSClass: corev1.PodQOSBestEffort,
			Conditions: []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionTrue}}},
	}
	if owner != "" {
		p.OwnerReferences = []metav1.OwnerReference{{APIVersion: "batch/v1", Kind: owner, Name: "j"}}
	}
	return p
}

func podCond(st *corev1.PodStatus, t corev1.PodConditionType) corev1.ConditionStatus {
	for _, c := range st.Conditions {
		if c.Type == t {
			return c.Status
		}
	}
	return ""
}

func TestNextPodStatusRunning(t *testing.T) {
	pod := testPod(nil, "", corev1.RestartPolicyAlways)
	now := time.Now()
	st, requeue, events := nextPodStatus(pod, simulationMode(pod), "10.244.1.2", "10.0.0.11", now, 5*time.Second)
	if st == nil {
		t.Fatal("no status for a new pod")
	}
	if st.Phase != corev1.PodRunning || st.PodIP != "10.244.1.2" || st.HostIP != "10.0.0.11" || st.StartTime == nil {
		t.Fatalf("status = %+v", st)
	}
	if st.QOSClass != corev1.PodQOSBestEffort {
		t.Error("QOS class lost")
	}
	if len(st.ContainerStatuses) != 2 || len(st.InitContainerStatuses) != 1 {
		t.Fatalf("container statuses: %d, init: %d", len(st.ContainerStatuses), len(st.InitContainerStatuses))
	}
	cs := st.ContainerStatuses[0]
	if !cs.Ready || cs.State.Running == nil || !strings.HasPrefix(cs.ContainerID, "containerd://") || !strings.Contains(cs.ImageID, "@sha256:") {
		t.Errorf("container status = %+v", cs)
	}
	if st.InitContainerStatuses[0].State.Terminated == nil || st.InitContainerStatuses[0].State.Terminated.ExitCode != 0 {
		t.Errorf("init container = %+v", st.InitContainerStatuses[0])
	}
	for _, c := range []corev1.PodConditionType{corev1.PodReady, corev1.ContainersReady, corev1.PodInitialized, corev1.PodScheduled} {
		if podCond(st, c) != corev1.ConditionTrue {
			t.Errorf("condition %s = %s", c, podCond(st, c))
		}
	}
	if requeue != 0 || len(events) != 6 {
		t.Errorf("requeue %v, %d events", requeue, len(events))
	}
	pod.Status = *st
	if st2, _, _ := nextPodStatus(pod, modeRun, "10.244.1.2", "10.0.0.11", now.Add(time.Minute), 5*time.Second); st2 != nil {
		t.Errorf("a running pod should be left alone, got %+v", st2)
	}
}

func TestNextPodStatusCrashLoop(t *testing.T) {
	pod := testPod(map[string]string{simulateAnnot: "crashloop"}, "", corev1.RestartPolicyAlways)
	if m := simulationMode(pod); m != modeCrashLoop {
		t.Fatalf("mode = %s", m)
	}
	now := time.Now()
	st, requeue, events := nextPodStatus(pod, modeCrashLoop, "10.244.1.3", "10.0.0.11", now, 0)
	cs := st.ContainerStatuses[0]
	if st.Phase != corev1.PodRunning || cs.Ready || cs.RestartCount != 1 || cs.State.Waiting == nil || cs.State.Waiting.Reason != "CrashLoopBackOff" {
		t.Fatalf("status = %+v", cs)
	}
	if cs.LastTerminationState.Terminated == nil || cs.LastTerminationState.Terminated.ExitCode != 1 {
		t.Errorf("last state = %+v", cs.LastTerminationState)
	}
	if podCond(st, corev1.PodReady) != corev1.ConditionFalse {
		t.Error("crash-looping pod is Ready")
	}
	if requeue != 10*time.Second || events[len(events)-1].Reason != "BackOff" {
		t.Errorf("requeue %v, events %v", requeue, events)
	}
	pod.Status = *st
	if st2, wait, _ := nextPodStatus(pod, modeCrashLoop, "", "", now.Add(3*time.Second), 0); st2 != nil || wait <= 0 {
		t.Errorf("restart before the back-off: %v %v", st2, wait)
	}
	st3, _, _ := nextPodStatus(pod, modeCrashLoop, "", "", now.Add(11*time.Second), 0)
	if st3 == nil || st3.ContainerStatuses[0].RestartCount != 2 {
		t.Fatalf("no restart after the back-off: %+v", st3)
	}
}

func TestJobPodCompletes(t *testing.T) {
	pod := testPod(nil, "Job", corev1.RestartPolicyNever)
	if m := simulationMode(pod); m != modeComplete {
		t.Fatalf("Job pod mode = %s", m)
	}
	now := time.Now()
	st, requeue, _ := nextPodStatus(pod, modeComplete, "10.244.1.4", "10.0.0.11", now, 5*time.Second)
	if st.Phase != corev1.PodRunning || requeue != 5*time.Second {
		t.Fatalf("phase %s requeue %v", st.Phase, requeue)
	}
	pod.Status = *st
	st2, requeue, _ := nextPodStatus(pod, modeComplete, "", "", now.Add(6*time.Second), 5*time.Second)
	if st2 == nil || st2.Phase != corev1.PodSucceeded || requeue != 0 {
		t.Fatalf("after run time: %+v", st2)
	}
	term := st2.ContainerStatuses[0].State.Terminated
	if term == nil || term.ExitCode != 0 || term.Reason != "Completed" || podCond(st2, corev1.PodReady) != corev1.ConditionFalse {
		t.Errorf("terminated = %+v", term)
	}
	pod.Status = *st2
	if st3, _, _ := nextPodStatus(pod, modeComplete, "", "", now.Add(time.Hour), 5*time.Second); st3 != nil {
		t.Error("a succeeded pod changed again")
	}
}

func TestCompleteWithRestartAlwaysLoops(t *testing.T) {
	pod := testPod(map[string]string{simulateAnnot: "complete", runSecondsAnnot: "2"}, "", corev1.RestartPolicyAlways)
	if d := runTime(pod, time.Minute); d != 2*time.Second {
		t.Fatalf("runTime = %v", d)
	}
	now := time.Now()
	st, _, _ := nextPodStatus(pod, modeComplete, "10.244.1.5", "10.0.0.11", now, 2*time.Second)
	pod.Status = *st
	st2, _, _ := nextPodStatus(pod, modeComplete, "", "", now.Add(3*time.Second), 2*time.Second)
	cs := st2.ContainerStatuses[0]
	if st2.Phase != corev1.PodRunning || cs.State.Waiting == nil || cs.LastTerminationState.Terminated.ExitCode != 0 || cs.RestartCount != 1 {
		t.Errorf("restartPolicy Always after exit 0: phase %s, %+v", st2.Phase, cs)
	}
}

func TestIPAllocator(t *testing.T) {
	a := newIPAllocator()
	a.reserve("n", "ns/old", "10.244.3.2")
	ip1, _ := a.allocate("n", 3, "ns/a")
	ip1again, _ := a.allocate("n", 3, "ns/a")
	ip2, _ := a.allocate("n", 3, "ns/b")
	if ip1 != "10.244.3.3" || ip1again != ip1 || ip2 != "10.244.3.4" {
		t.Fatalf("got %s %s %s", ip1, ip1again, ip2)
	}
	a.release("ns/a")
	if ip, _ := a.allocate("n", 3, "ns/c"); ip != "10.244.3.3" {
		t.Errorf("released IP not reused: %s", ip)
	}
}
