package simnodes

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// fakePods is a mutable pod store standing in for the agent's informer cache.
type fakePods struct {
	mu   sync.Mutex
	pods map[string]*corev1.Pod
}

func (f *fakePods) get(ns, name string) (*corev1.Pod, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p, ok := f.pods[ns+"/"+name]
	if !ok {
		return nil, false
	}
	return p.DeepCopy(), true
}

func (f *fakePods) list() []*corev1.Pod {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []*corev1.Pod
	for _, p := range f.pods {
		out = append(out, p.DeepCopy())
	}
	return out
}

func (f *fakePods) update(ns, name string, fn func(*corev1.Pod)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f.pods[ns+"/"+name])
}

var logBase = time.Date(2026, 11, 30, 4, 0, 0, 0, time.UTC)

func runningPod(ns, name, node, container, image string, started time.Time) *corev1.Pod {
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID("uid-" + metav1Name(name))},
		Spec:       corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: container, Image: image}}},
		Status: corev1.PodStatus{Phase: corev1.PodRunning, PodIP: "10.244.1.7", ContainerStatuses: []corev1.ContainerStatus{{
			Name: container, ContainerID: "containerd://" + name + "-0", Ready: true,
			State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: metav1.NewTime(started)}},
		}}},
	}
	return p
}

func metav1Name(s string) string { return strings.ReplaceAll(s, "/", "-") }

func crashLoopPod(ns, name, node string) *corev1.Pod {
	p := runningPod(ns, name, node, "worker", "ghcr.io/example-org/science-worker:1.4.2", logBase)
	p.Spec.Containers[0].Args = []string{"--queue", "redis://cache:6379/0"}
	cs := &p.Status.ContainerStatuses[0]
	last := logBase.Add(30 * time.Minute)
	cs.Ready, cs.RestartCount, cs.ContainerID = false, 3, "containerd://"+name+"-2"
	cs.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}
	cs.LastTerminationState = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{
		ExitCode: 1, Reason: "Error", StartedAt: metav1.NewTime(last), FinishedAt: metav1.NewTime(last), ContainerID: "containerd://" + name + "-2"}}
	return p
}

func newTestKubelet(t *testing.T) (*kubeletServer, *fakePods, *httptest.Server) {
	t.Helper()
	store := &fakePods{pods: map[string]*corev1.Pod{}}
	for _, p := range []*corev1.Pod{
		runningPod("web", "nginx-1", "node-a", "nginx", "docker.io/library/nginx:1.27", logBase),
		crashLoopPod("science", "worker-1", "node-a"),
		runningPod("web", "elsewhere", "node-b", "nginx", "docker.io/library/nginx:1.27", logBase),
	} {
		store.pods[p.Namespace+"/"+p.Name] = p
	}
	ks := newKubeletServer("node-a", store.get, store.list)
	ks.now = func() time.Time { return logBase.Add(10 * time.Minute) }
	ks.pollEvery = 5 * time.Millisecond
	srv := httptest.NewServer(ks)
	t.Cleanup(srv.Close)
	return ks, store, srv
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestContainerLogsRunningNginx(t *testing.T) {
	_, _, srv := newTestKubelet(t)
	code, body := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx")
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	all := lines(body)
	if len(all) < 40 {
		t.Fatalf("want many lines after 10 minutes of nginx, got %d:\n%s", len(all), body)
	}
	if !strings.Contains(body, "start worker processes") || !strings.Contains(body, `"GET /`) {
		t.Errorf("nginx log lacks start-up or access lines:\n%s", body)
	}
	// The same request gives the same log.
	if _, again := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx"); again != body {
		t.Error("log is not stable between requests")
	}

	code, tail := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?tailLines=3")
	if code != 200 || strings.Join(lines(tail), "\n") != strings.Join(all[len(all)-3:], "\n") {
		t.Errorf("tailLines=3: status %d, got\n%s\nwant the last 3 lines of\n%s", code, tail, body)
	}
	if code, zero := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?tailLines=0"); code != 200 || zero != "" {
		t.Errorf("tailLines=0: status %d, body %q", code, zero)
	}
	// The kubelet's old "tail" parameter.
	if _, tail2 := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?tail=2"); len(lines(tail2)) != 2 {
		t.Errorf("tail=2 gave %d lines", len(lines(tail2)))
	}

	code, ts := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?timestamps=true&tailLines=20")
	if code != 200 {
		t.Fatalf("timestamps: status %d", code)
	}
	var prev time.Time
	for _, l := range lines(ts) {
		stamp, rest, ok := strings.Cut(l, " ")
		tm, err := time.Parse(time.RFC3339Nano, stamp)
		if !ok || err != nil || rest == "" {
			t.Fatalf("line without an RFC 3339 timestamp: %q (%v)", l, err)
		}
		if tm.Before(prev) || tm.After(logBase.Add(10*time.Minute)) {
			t.Errorf("timestamp %s out of order or in the future", stamp)
		}
		prev = tm
	}

	_, since := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?sinceSeconds=60&timestamps=1")
	for _, l := range lines(since) {
		tm, _ := time.Parse(time.RFC3339Nano, strings.SplitN(l, " ", 2)[0])
		if tm.Before(logBase.Add(9 * time.Minute)) {
			t.Errorf("sinceSeconds=60 returned an older line: %q", l)
		}
	}
	if n := len(lines(since)); n == 0 || n >= len(all) {
		t.Errorf("sinceSeconds=60 gave %d of %d lines", n, len(all))
	}

	if _, limited := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?limitBytes=10"); limited != body[:10] {
		t.Errorf("limitBytes=10 gave %q", limited)
	}
}

func TestContainerLogsCrashLoopPrevious(t *testing.T) {
	_, _, srv := newTestKubelet(t)
	code, prev := get(t, srv.URL+"/containerLogs/science/worker-1/worker?previous=true")
	if code != 200 {
		t.Fatalf("previous: status %d: %s", code, prev)
	}
	l := lines(prev)
	if len(l) < 5 || !strings.Contains(l[0], "starting") {
		t.Fatalf("previous run's log too short or without start-up:\n%s", prev)
	}
	if last := l[len(l)-1]; !strings.HasPrefix(last, "redis.exceptions.ConnectionError: Error -2 connecting to cache:6379") {
		t.Errorf("a crashed run's log should end with the error that made it exit, ends with %q", last)
	}
	// While the container waits in CrashLoopBackOff the kubelet shows the last run
	// without previous=true too.
	if _, cur := get(t, srv.URL+"/containerLogs/science/worker-1/worker"); cur != prev {
		t.Errorf("current log of a crash-looping container differs from the previous run's")
	}

	code, body := get(t, srv.URL+"/containerLogs/web/nginx-1/nginx?previous=true")
	if code != 400 || body != `previous terminated container "nginx" in pod "nginx-1" not found` {
		t.Errorf("previous without a terminated run: %d %q", code, body)
	}
}

func TestContainerLogsErrors(t *testing.T) {
	_, store, srv := newTestKubelet(t)
	store.update("web", "nginx-1", func(p *corev1.Pod) {
		p.Spec.InitContainers = []corev1.Container{{Name: "init", Image: "busybox"}}
		p.Spec.Containers = append(p.Spec.Containers, corev1.Container{Name: "sidecar", Image: "busybox"})
		p.Status.ContainerStatuses = append(p.Status.ContainerStatuses, corev1.ContainerStatus{Name: "sidecar",
			State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}})
	})
	for _, tc := range []struct {
		path string
		code int
		body string
	}{
		{"/containerLogs/web/nginx-1/nope", 404, `container "nope" not found in pod "nginx-1"`},
		{"/containerLogs/web/elsewhere/nginx", 404, `pod "elsewhere" does not exist`}, // on another node
		{"/containerLogs/web/missing/nginx", 404, `pod "missing" does not exist`},
		{"/containerLogs/web/nginx-1/nginx?tailLines=-1", 422, `{"message": "Invalid request."}`},
		{"/containerLogs/web/nginx-1/nginx?limitBytes=0", 422, `{"message": "Invalid request."}`},
		{"/containerLogs/web/nginx-1/nginx?sinceSeconds=5&sinceTime=2026-11-30T04:00:00Z", 422, `{"message": "Invalid request."}`},
		{"/containerLogs/web/nginx-1/nginx?tailLines=many", 400, `{"message": "Unable to decode query."}`},
		{"/containerLogs/web/nginx-1/", 400, `{"message": "Missing container name."}`},
		{"/containerLogs/web//nginx", 400, `{"message": "Missing podID."}`},
		{"/containerLogs/web/nginx-1/sidecar", 400, `container "sidecar" in pod "nginx-1" is waiting to start: ContainerCreating`},
		{"/containerLogs/web/nginx-1/init", 400, `container "init" in pod "nginx-1" is not available`},
		{"/exec/web/nginx-1/nginx", 404, "404 page not found"},
	} {
		code, body := get(t, srv.URL+tc.path)
		if code != tc.code || body != tc.body {
			t.Errorf("GET %s = %d %q, want %d %q", tc.path, code, body, tc.code, tc.body)
		}
	}
	if code, body := get(t, srv.URL+"/healthz"); code != 200 || body != "ok" {
		t.Errorf("/healthz = %d %q", code, body)
	}
	code, body := get(t, srv.URL+"/pods")
	if code != 200 || !strings.Contains(body, `"nginx-1"`) || strings.Contains(body, `"elsewhere"`) {
		t.Errorf("/pods should list this node's pods only: %d %s", code, body)
	}
}

// readLines reads lines from r into a channel until EOF.
func readLines(r io.Reader) <-chan string {
	ch := make(chan string, 1000)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			ch <- sc.Text()
		}
	}()
	return ch
}

func TestContainerLogsFollowEndsWhenContainerStops(t *testing.T) {
	ks, store, srv := newTestKubelet(t)
	var mu sync.Mutex
	clock := logBase.Add(10 * time.Minute)
	ks.now = func() time.Time { // time runs 30 s per look
		mu.Lock()
		defer mu.Unlock()
		clock = clock.Add(30 * time.Second)
		return clock
	}
	resp, err := http.Get(srv.URL + "/containerLogs/web/nginx-1/nginx?follow=true&tailLines=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ch := readLines(resp.Body)
	got := 0
	deadline := time.After(10 * time.Second)
	for got < 6 {
		select {
		case _, ok := <-ch:
			if !ok {
				t.Fatalf("stream ended after %d lines while the container runs", got)
			}
			got++
		case <-deadline:
			t.Fatalf("follow delivered only %d lines in 10 s", got)
		}
	}
	// The container stops: the stream delivers the last lines and ends.
	store.update("web", "nginx-1", func(p *corev1.Pod) {
		cs := &p.Status.ContainerStatuses[0]
		mu.Lock()
		end := clock
		mu.Unlock()
		cs.State = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 1, Reason: "Error",
			StartedAt: metav1.NewTime(logBase), FinishedAt: metav1.NewTime(end), ContainerID: cs.ContainerID}}
	})
	var last string
	for {
		select {
		case l, ok := <-ch:
			if !ok {
				if !strings.Contains(last, "host not found in upstream") {
					t.Errorf("followed log should end with nginx's exit error, ends with %q", last)
				}
				return
			}
			last = l
		case <-deadline:
			t.Fatal("follow did not end after the container stopped")
		}
	}
}

func TestContainerLogsFollowEndsWhenPodGoesOrClientLeaves(t *testing.T) {
	_, store, srv := newTestKubelet(t)
	resp, err := http.Get(srv.URL + "/containerLogs/web/nginx-1/nginx?follow=1&tailLines=2")
	if err != nil {
		t.Fatal(err)
	}
	ch := readLines(resp.Body)
	for i := 0; i < 2; i++ {
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Fatal("no lines")
		}
	}
	store.mu.Lock()
	delete(store.pods, "web/nginx-1")
	store.mu.Unlock()
	select {
	case _, ok := <-ch:
		for ok {
			_, ok = <-ch
		}
	case <-time.After(5 * time.Second):
		t.Fatal("follow did not end after the pod was deleted")
	}
	resp.Body.Close()

	// A client that goes away ends the handler (the server's Close waits for it).
	ctx, cancel := context.WithCancel(context.Background())
	store.mu.Lock()
	store.pods["web/nginx-2"] = runningPod("web", "nginx-2", "node-a", "nginx", "nginx", logBase)
	store.mu.Unlock()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/containerLogs/web/nginx-2/nginx?follow=true", nil)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	cancel()
	resp.Body.Close()
	done := make(chan struct{})
	go func() { srv.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("follow handler still running 5 s after the client went away")
	}
}

func TestKubeletRequiresClientCert(t *testing.T) {
	store := &fakePods{pods: map[string]*corev1.Pod{}}
	srv := httptest.NewServer(withClientCert(newKubeletServer("n", store.get, store.list)))
	defer srv.Close()
	if code, body := get(t, srv.URL+"/containerLogs/a/b/c"); code != 401 || body != "Unauthorized" {
		t.Errorf("without a client certificate: %d %q", code, body)
	}
}

func TestLogProfiles(t *testing.T) {
	end := logBase.Add(2 * time.Second)
	for _, tc := range []struct {
		image   string
		args    []string
		exit    int32
		wantEnd string
	}{
		{"docker.io/library/python:3.12-slim", []string{"python", "-c", "print('tokenizing dataset')"}, 0, "tokenizing dataset"},
		{"quay.io/jupyterhub/k8s-image-cleaner:1.0.0", nil, 0, "No images need cleaning; sleeping until the next run"},
		{"nvcr.io/nvidia/pytorch:24.08-py3", []string{"python", "train.py"}, 1, "torch.OutOfMemoryError: CUDA out of memory."},
		{"example.org/unknown:1", nil, 2, `level=ERROR msg="exiting"`},
	} {
		r := &containerRun{ID: "containerd://x", Image: tc.image, Args: tc.args, Start: logBase, End: end, ExitCode: tc.exit}
		ls := logLines(r, end.Add(time.Hour))
		if len(ls) == 0 || !strings.Contains(ls[len(ls)-1].Text, tc.wantEnd) {
			t.Errorf("%s: log ends with %v, want %q", tc.image, ls, tc.wantEnd)
		}
	}
	// A long-running container's log is rotated: it reaches back maxLogSpan.
	r := &containerRun{ID: "containerd://y", Image: "nginx", Start: logBase}
	ls := logLines(r, logBase.Add(48*time.Hour))
	if first := ls[0].T; first.Before(logBase.Add(48*time.Hour - maxLogSpan - time.Minute)) {
		t.Errorf("log of a 2-day-old container starts at %s", first)
	}
	if len(ls) > int(maxLogSpan/(nginxProfile.every/2)) {
		t.Errorf("%d lines for %s", len(ls), maxLogSpan)
	}
}
