package simnodes

// Pod lifecycle on simulated nodes: what a kubelet would report, without running anything.

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/runtime"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	typedcorev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	corelisters "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/record"
	"k8s.io/client-go/util/workqueue"
	"k8s.io/klog/v2"
	"k8s.io/utils/ptr"
)

// Simulation modes, chosen by the pod annotation local-cluster.jetstream2/simulate.
const (
	modeRun       = "run"       // containers run and are ready (default)
	modeCrashLoop = "crashloop" // containers crash with exit code 1 and back off
	modeComplete  = "complete"  // containers exit 0 after a while (default for Job pods)
	modeFail      = "fail"      // containers exit 1 after a while
)

func simulationMode(pod *corev1.Pod) string {
	switch m := strings.TrimSpace(pod.Annotations[simulateAnnot]); m {
	case modeRun, modeCrashLoop, modeComplete, modeFail:
		return m
	}
	for _, o := range pod.OwnerReferences {
		if o.Kind == "Job" && strings.HasPrefix(o.APIVersion, "batch/") {
			return modeComplete
		}
	}
	return modeRun
}

// runTime is how long a complete/fail pod runs before its containers exit.
func runTime(pod *corev1.Pod, def time.Duration) time.Duration {
	if s, ok := pod.Annotations[runSecondsAnnot]; ok {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n >= 0 {
			return time.Duration(n) * time.Second
		}
	}
	return def
}

// crashBackoff mirrors the kubelet's restart back-off: 10s doubling up to 5 minutes.
func crashBackoff(restarts int32) time.Duration {
	d := 10 * time.Second
	for i := int32(1); i < restarts && d < 5*time.Minute; i++ {
		d *= 2
	}
	if d > 5*time.Minute {
		d = 5 * time.Minute
	}
	return d
}

// normalizeImage returns the image reference the way containerd reports it, and a
// made-up but stable image digest reference.
func normalizeImage(image string) (ref, imageID string) {
	name, tag := image, ""
	if at := strings.Index(name, "@"); at >= 0 {
		name, tag = name[:at], name[at:]
	} else if c := strings.LastIndex(name, ":"); c > strings.LastIndex(name, "/") {
		name, tag = name[:c], name[c:]
	}
	if tag == "" {
		tag = ":latest"
	}
	first, _, hasSlash := strings.Cut(name, "/")
	if !hasSlash {
		name = "docker.io/library/" + name
	} else if !strings.ContainsAny(first, ".:") && first != "localhost" {
		name = "docker.io/" + name
	}
	digest := "sha256:" + stableID("image", name+tag)
	if strings.HasPrefix(tag, "@") {
		digest = tag[1:]
	}
	return name + tag, name + "@" + digest
}

func containerID(pod *corev1.Pod, container string, restart int32) string {
	return "containerd://" + stableID(string(pod.UID), container, strconv.Itoa(int(restart)))
}

type podEvent struct {
	Type, Reason, Message string
}

func setPodCondition(conds []corev1.PodCondition, t corev1.PodConditionType, s corev1.ConditionStatus, reason string, now metav1.Time) []corev1.PodCondition {
	for i := range conds {
		if conds[i].Type == t {
			if conds[i].Status != s {
				conds[i].LastTransitionTime = now
			}
			conds[i].Status, conds[i].Reason, conds[i].Message = s, reason, ""
			return conds
		}
	}
	return append(conds, corev1.PodCondition{Type: t, Status: s, Reason: reason, LastTransitionTime: now})
}

// nextPodStatus computes the status a kubelet would post next for a pod bound to a
// simulated node. It returns nil when nothing changes now, and how long to wait
// before looking at the pod again (0: no need).
func nextPodStatus(pod *corev1.Pod, mode, podIP, hostIP string, now time.Time, runFor time.Duration) (*corev1.PodStatus, time.Duration, []podEvent) {
	if pod.Status.Phase == corev1.PodSucceeded || pod.Status.Phase == corev1.PodFailed {
		return nil, 0, nil
	}
	mnow := metav1.NewTime(now.Truncate(time.Second))
	st := pod.Status.DeepCopy()
	started := st.StartTime != nil && len(st.ContainerStatuses) == len(pod.Spec.Containers) && st.HostIP != ""
	var events []podEvent

	if !started {
		st.StartTime = &mnow
		st.HostIP, st.HostIPs = hostIP, []corev1.HostIP{{IP: hostIP}}
		st.PodIP, st.PodIPs = podIP, []corev1.PodIP{{IP: podIP}}
		if pod.Spec.HostNetwork {
			st.PodIP, st.PodIPs = hostIP, []corev1.PodIP{{IP: hostIP}}
		}
		st.InitContainerStatuses = nil
		for _, c := range pod.Spec.InitContainers {
			ref, id := normalizeImage(c.Image)
			st.InitContainerStatuses = append(st.InitContainerStatuses, corev1.ContainerStatus{
				Name: c.Name, Image: ref, ImageID: id, ContainerID: containerID(pod, c.Name, 0),
				State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
					ExitCode: 0, Reason: "Completed", StartedAt: mnow, FinishedAt: mnow, ContainerID: containerID(pod, c.Name, 0)}},
			})
		}
		st.ContainerStatuses = nil
		for _, c := range pod.Spec.Containers {
			ref, id := normalizeImage(c.Image)
			cs := corev1.ContainerStatus{Name: c.Name, Image: ref, ImageID: id, ContainerID: containerID(pod, c.Name, 0)}
			events = append(events,
				podEvent{corev1.EventTypeNormal, "Pulled", fmt.Sprintf("Container image %q already present on machine", c.Image)},
				podEvent{corev1.EventTypeNormal, "Created", "Created container: " + c.Name},
				podEvent{corev1.EventTypeNormal, "Started", "Started container " + c.Name})
			if mode == modeCrashLoop {
				crash(&cs, pod, c.Name, 1, 1, "Error", mnow, mnow)
			} else {
				cs.Ready, cs.Started = true, ptr.To(true)
				cs.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: mnow}}
			}
			st.ContainerStatuses = append(st.ContainerStatuses, cs)
		}
		st.Phase = corev1.PodRunning
		var requeue time.Duration
		switch mode {
		case modeCrashLoop:
			events = append(events, backOffEvents(pod)...)
			requeue = crashBackoff(1)
		case modeComplete, modeFail:
			requeue = runFor
			if requeue == 0 {
				requeue = time.Millisecond
			}
		}
		setReadiness(st, mode != modeCrashLoop, mnow)
		return st, requeue, events
	}

	switch mode {
	case modeComplete, modeFail:
		if st.ContainerStatuses[0].State.Running == nil {
			return crashLoopStep(pod, st, now, mnow)
		}
		end := st.ContainerStatuses[0].State.Running.StartedAt.Add(runFor)
		if now.Before(end) {
			return nil, end.Sub(now) + 100*time.Millisecond, nil
		}
		exit, reason := int32(0), "Completed"
		if mode == modeFail {
			exit, reason = 1, "Error"
		}
		restarts := pod.Spec.RestartPolicy == corev1.RestartPolicyAlways ||
			(pod.Spec.RestartPolicy == corev1.RestartPolicyOnFailure && exit != 0)
		for i := range st.ContainerStatuses {
			cs := &st.ContainerStatuses[i]
			startedAt := mnow
			if cs.State.Running != nil {
				startedAt = cs.State.Running.StartedAt
			}
			if restarts {
				crash(cs, pod, cs.Name, cs.RestartCount+1, exit, reason, startedAt, mnow)
			} else {
				cs.Ready, cs.Started = false, ptr.To(false)
				cs.State = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
					ExitCode: exit, Reason: reason, StartedAt: startedAt, FinishedAt: mnow, ContainerID: cs.ContainerID}}
			}
		}
		if restarts {
			setReadiness(st, false, mnow)
			return st, crashBackoff(1), backOffEvents(pod)
		}
		st.Phase = corev1.PodSucceeded
		if exit != 0 {
			st.Phase = corev1.PodFailed
		}
		st.Conditions = setPodCondition(st.Conditions, corev1.PodReady, corev1.ConditionFalse, "PodCompleted", mnow)
		st.Conditions = setPodCondition(st.Conditions, corev1.ContainersReady, corev1.ConditionFalse, "PodCompleted", mnow)
		st.Conditions = setPodCondition(st.Conditions, "PodReadyToStartContainers", corev1.ConditionFalse, "", mnow)
		return st, 0, nil
	case modeCrashLoop:
		return crashLoopStep(pod, st, now, mnow)
	default:
		// Running pods need nothing, unless they were left crashed by an earlier mode.
		allRunning := true
		for _, cs := range st.ContainerStatuses {
			allRunning = allRunning && cs.State.Running != nil && cs.Ready
		}
		if allRunning && podConditionTrue(st, corev1.PodReady) {
			return nil, 0, nil
		}
		for i := range st.ContainerStatuses {
			cs := &st.ContainerStatuses[i]
			if cs.State.Running == nil {
				if cs.State.Waiting != nil || cs.State.Terminated != nil {
					cs.RestartCount++
				}
				cs.ContainerID = containerID(pod, cs.Name, cs.RestartCount)
				cs.State = corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: mnow}}
			}
			cs.Ready, cs.Started = true, ptr.To(true)
		}
		setReadiness(st, true, mnow)
		return st, 0, nil
	}
}

// crashLoopStep restarts crashed containers once their back-off has passed.
func crashLoopStep(pod *corev1.Pod, st *corev1.PodStatus, now time.Time, mnow metav1.Time) (*corev1.PodStatus, time.Duration, []podEvent) {
	cs0 := st.ContainerStatuses[0]
	last := cs0.LastTerminationState.Terminated
	if last == nil {
		last = cs0.State.Terminated
	}
	if last == nil {
		// Not in a crash loop yet (e.g. mode changed): crash now.
		for i := range st.ContainerStatuses {
			cs := &st.ContainerStatuses[i]
			crash(cs, pod, cs.Name, cs.RestartCount+1, 1, "Error", mnow, mnow)
		}
		setReadiness(st, false, mnow)
		return st, crashBackoff(1), backOffEvents(pod)
	}
	next := last.FinishedAt.Add(crashBackoff(cs0.RestartCount))
	if now.Before(next) {
		return nil, next.Sub(now) + 100*time.Millisecond, nil
	}
	exit, reason := last.ExitCode, last.Reason
	for i := range st.ContainerStatuses {
		cs := &st.ContainerStatuses[i]
		crash(cs, pod, cs.Name, cs.RestartCount+1, exit, reason, mnow, mnow)
	}
	setReadiness(st, false, mnow)
	return st, crashBackoff(cs0.RestartCount + 1), backOffEvents(pod)
}

// crash puts a container into CrashLoopBackOff after its restarts-th run ended with exit.
func crash(cs *corev1.ContainerStatus, pod *corev1.Pod, name string, restarts, exit int32, reason string, startedAt, finishedAt metav1.Time) {
	prevID := containerID(pod, name, restarts-1)
	cs.RestartCount = restarts
	cs.ContainerID = prevID
	cs.Ready, cs.Started = false, ptr.To(false)
	cs.LastTerminationState = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
		ExitCode: exit, Reason: reason, StartedAt: startedAt, FinishedAt: finishedAt, ContainerID: prevID}}
	cs.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
		Reason:  "CrashLoopBackOff",
		Message: fmt.Sprintf("back-off %s restarting failed container=%s pod=%s_%s(%s)", crashBackoff(restarts), name, pod.Name, pod.Namespace, pod.UID),
	}}
}

func backOffEvents(pod *corev1.Pod) []podEvent {
	var ev []podEvent
	for _, c := range pod.Spec.Containers {
		ev = append(ev, podEvent{corev1.EventTypeWarning, "BackOff",
			fmt.Sprintf("Back-off restarting failed container %s in pod %s_%s(%s)", c.Name, pod.Name, pod.Namespace, pod.UID)})
	}
	return ev
}

func setReadiness(st *corev1.PodStatus, ready bool, now metav1.Time) {
	st.Conditions = setPodCondition(st.Conditions, "PodReadyToStartContainers", corev1.ConditionTrue, "", now)
	st.Conditions = setPodCondition(st.Conditions, corev1.PodInitialized, corev1.ConditionTrue, "", now)
	if ready {
		st.Conditions = setPodCondition(st.Conditions, corev1.PodReady, corev1.ConditionTrue, "", now)
		st.Conditions = setPodCondition(st.Conditions, corev1.ContainersReady, corev1.ConditionTrue, "", now)
	} else {
		st.Conditions = setPodCondition(st.Conditions, corev1.PodReady, corev1.ConditionFalse, "ContainersNotReady", now)
		st.Conditions = setPodCondition(st.Conditions, corev1.ContainersReady, corev1.ConditionFalse, "ContainersNotReady", now)
	}
	st.Conditions = setPodCondition(st.Conditions, corev1.PodScheduled, corev1.ConditionTrue, "", now)
	for i := range st.Conditions {
		if msg := st.Conditions[i].Message; !ready && (st.Conditions[i].Type == corev1.PodReady || st.Conditions[i].Type == corev1.ContainersReady) && msg == "" {
			st.Conditions[i].Message = "containers with unready status: [" + containerNames(st) + "]"
		}
	}
}

func containerNames(st *corev1.PodStatus) string {
	var n []string
	for _, cs := range st.ContainerStatuses {
		n = append(n, cs.Name)
	}
	return strings.Join(n, " ")
}

func podConditionTrue(st *corev1.PodStatus, t corev1.PodConditionType) bool {
	for _, c := range st.Conditions {
		if c.Type == t {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

// ipAllocator hands out pod IPs from each node's /24.
type ipAllocator struct {
	mu    sync.Mutex
	byKey map[string]string          // pod key -> ip
	used  map[string]map[string]bool // node -> ip -> used
}

func newIPAllocator() *ipAllocator {
	return &ipAllocator{byKey: map[string]string{}, used: map[string]map[string]bool{}}
}

func (a *ipAllocator) reserve(node, key, ip string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.used[node] == nil {
		a.used[node] = map[string]bool{}
	}
	a.used[node][ip] = true
	a.byKey[key] = node + "|" + ip
}

func (a *ipAllocator) allocate(node string, nodeIndex int, key string) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if v, ok := a.byKey[key]; ok {
		return v[strings.Index(v, "|")+1:], nil
	}
	if a.used[node] == nil {
		a.used[node] = map[string]bool{}
	}
	for h := 2; h < 255; h++ {
		ip := fmt.Sprintf("10.244.%d.%d", nodeIndex, h)
		if !a.used[node][ip] {
			a.used[node][ip] = true
			a.byKey[key] = node + "|" + ip
			return ip, nil
		}
	}
	return "", fmt.Errorf("no free pod IP on node %s", node)
}

func (a *ipAllocator) release(key string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if v, ok := a.byKey[key]; ok {
		node, ip, _ := strings.Cut(v, "|")
		delete(a.used[node], ip)
		delete(a.byKey, key)
	}
}

type podController struct {
	client    kubernetes.Interface
	cfg       *NodesConfig
	index     map[string]int
	runFor    time.Duration
	factory   informers.SharedInformerFactory
	lister    corelisters.PodLister
	synced    cache.InformerSynced
	queue     workqueue.TypedRateLimitingInterface[string]
	ips       *ipAllocator
	recorders map[string]record.EventRecorder
}

func newPodController(client kubernetes.Interface, cfg *NodesConfig, runFor time.Duration) *podController {
	pc := &podController{
		client: client, cfg: cfg, runFor: runFor, index: map[string]int{},
		queue:     workqueue.NewTypedRateLimitingQueue(workqueue.DefaultTypedControllerRateLimiter[string]()),
		ips:       newIPAllocator(),
		recorders: map[string]record.EventRecorder{},
	}
	broadcaster := record.NewBroadcaster()
	broadcaster.StartRecordingToSink(&typedcorev1.EventSinkImpl{Interface: client.CoreV1().Events("")})
	for i, n := range cfg.Nodes {
		pc.index[n.Name] = i
		pc.recorders[n.Name] = broadcaster.NewRecorder(scheme.Scheme, corev1.EventSource{Component: "kubelet", Host: n.Name})
	}
	// Only pods bound to some node; filtered to our nodes in the handlers.
	pc.factory = informers.NewSharedInformerFactoryWithOptions(client, 10*time.Minute,
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.FieldSelector = "spec.nodeName!=" }))
	inf := pc.factory.Core().V1().Pods()
	pc.lister = inf.Lister()
	pc.synced = inf.Informer().HasSynced
	_, _ = inf.Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    pc.enqueue,
		UpdateFunc: func(_, obj interface{}) { pc.enqueue(obj) },
		DeleteFunc: func(obj interface{}) {
			if key, err := cache.DeletionHandlingMetaNamespaceKeyFunc(obj); err == nil {
				pc.ips.release(key)
			}
		},
	})
	return pc
}

func (pc *podController) enqueue(obj interface{}) {
	pod, ok := obj.(*corev1.Pod)
	if !ok {
		return
	}
	if _, ours := pc.index[pod.Spec.NodeName]; !ours {
		return
	}
	if key, err := cache.MetaNamespaceKeyFunc(pod); err == nil {
		pc.queue.Add(key)
	}
}

// Run starts the informer and workers and blocks until ctx ends.
func (pc *podController) Run(ctx context.Context) error {
	defer runtime.HandleCrash()
	defer pc.queue.ShutDown()
	pc.factory.Start(ctx.Done())
	klog.Info("pod controller: waiting for the pod informer to sync")
	if !cache.WaitForCacheSync(ctx.Done(), pc.synced) {
		return ctx.Err()
	}
	// Remember the IPs of pods that already run, so new pods get other ones.
	pods, _ := pc.lister.List(labels.Everything())
	for _, p := range pods {
		if _, ours := pc.index[p.Spec.NodeName]; ours && p.Status.PodIP != "" && !p.Spec.HostNetwork &&
			p.Status.Phase != corev1.PodSucceeded && p.Status.Phase != corev1.PodFailed {
			key, _ := cache.MetaNamespaceKeyFunc(p)
			pc.ips.reserve(p.Spec.NodeName, key, p.Status.PodIP)
		}
	}
	klog.Infof("pod controller: synced, %d bound pods seen", len(pods))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for pc.processNext(ctx) {
			}
		}()
	}
	<-ctx.Done()
	pc.queue.ShutDown()
	wg.Wait()
	klog.Info("nodes agent stopped")
	return nil
}

func (pc *podController) processNext(ctx context.Context) bool {
	key, quit := pc.queue.Get()
	if quit {
		return false
	}
	defer pc.queue.Done(key)
	requeue, err := pc.sync(ctx, key)
	switch {
	case err != nil:
		if !apierrors.IsConflict(err) {
			klog.Warningf("pod %s: %v (will retry)", key, err)
		}
		pc.queue.AddRateLimited(key)
	default:
		pc.queue.Forget(key)
		if requeue > 0 {
			pc.queue.AddAfter(key, requeue)
		}
	}
	return true
}

func (pc *podController) sync(ctx context.Context, key string) (time.Duration, error) {
	ns, name, err := cache.SplitMetaNamespaceKey(key)
	if err != nil {
		return 0, nil
	}
	pod, err := pc.lister.Pods(ns).Get(name)
	if apierrors.IsNotFound(err) {
		pc.ips.release(key)
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	i, ours := pc.index[pod.Spec.NodeName]
	if !ours {
		return 0, nil
	}
	nodeName := pod.Spec.NodeName
	if !pc.cfg.Nodes[i].ready() {
		return 0, nil // a NotReady node's "kubelet" does nothing
	}
	if pod.DeletionTimestamp != nil {
		// No kubelet confirms termination, so finish the deletion like one would.
		for _, c := range pod.Spec.Containers {
			pc.recorders[nodeName].Event(pod, corev1.EventTypeNormal, "Killing", "Stopping container "+c.Name)
		}
		err := pc.client.CoreV1().Pods(ns).Delete(ctx, name, metav1.DeleteOptions{
			GracePeriodSeconds: ptr.To[int64](0),
			Preconditions:      &metav1.Preconditions{UID: &pod.UID},
		})
		if err != nil && !apierrors.IsNotFound(err) && !apierrors.IsConflict(err) {
			return 0, err
		}
		klog.Infof("pod %s on %s: deleted", key, nodeName)
		pc.ips.release(key)
		return 0, nil
	}
	if pod.Status.Phase == corev1.PodSucceeded || pod.Status.Phase == corev1.PodFailed {
		pc.ips.release(key)
		return 0, nil
	}
	podIP := pod.Status.PodIP
	if podIP == "" && !pod.Spec.HostNetwork {
		if podIP, err = pc.ips.allocate(nodeName, i, key); err != nil {
			return 0, err
		}
	}
	mode := simulationMode(pod)
	st, requeue, events := nextPodStatus(pod, mode, podIP, pc.cfg.nodeIP(i), time.Now(), runTime(pod, pc.runFor))
	if st == nil {
		return requeue, nil
	}
	upd := pod.DeepCopy()
	upd.Status = *st
	if _, err := pc.client.CoreV1().Pods(ns).UpdateStatus(ctx, upd, metav1.UpdateOptions{}); err != nil {
		if apierrors.IsNotFound(err) {
			return 0, nil
		}
		return 0, err
	}
	for _, e := range events {
		pc.recorders[nodeName].Event(pod, e.Type, e.Reason, e.Message)
	}
	if pod.Status.Phase != st.Phase || mode == modeCrashLoop {
		extra := ""
		if len(st.ContainerStatuses) > 0 && st.ContainerStatuses[0].RestartCount > 0 {
			extra = fmt.Sprintf(" (restarts %d)", st.ContainerStatuses[0].RestartCount)
		}
		klog.Infof("pod %s on %s: %s [%s]%s", key, nodeName, st.Phase, mode, extra)
	}
	return requeue, nil
}
