package simnodes

// Container logs of simulated containers. Nothing runs, so a container's log is a
// pure function of its run (container ID, image, start and end time, exit code)
// and of the time it is read: lines "appear" as their timestamps pass. The same
// request therefore always gives the same lines, and follow=true can stream new
// ones as time moves on.

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// containerRun is one run (one container ID) of a container.
type containerRun struct {
	ID        string // containerd://<hex>
	Namespace string
	Pod       string
	Container string
	Image     string
	Args      []string // command + args
	PodIP     string
	Start     time.Time
	End       time.Time // zero while running
	ExitCode  int32
}

func (r *containerRun) running() bool { return r.End.IsZero() }

// rnd is a stable pseudo-random number in [0,1) for slot k of this run.
func (r *containerRun) rnd(k int, salt string) float64 {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s|%d|%s", r.ID, k, salt)))
	return float64(binary.BigEndian.Uint64(h[:8])>>11) / float64(1<<53)
}

func (r *containerRun) pick(k int, salt string, options ...string) string {
	return options[int(r.rnd(k, salt)*float64(len(options)))%len(options)]
}

type logLine struct {
	T    time.Time
	Text string
}

// logProfile is what a kind of image writes.
type logProfile struct {
	name     string
	startup  func(r *containerRun, t time.Time) []string
	every    time.Duration                                    // mean spacing of periodic lines (0: none)
	periodic func(r *containerRun, k int, t time.Time) string // "" skips the slot
	success  func(r *containerRun, t time.Time) []string      // last lines of a run that exits 0
	failure  func(r *containerRun, t time.Time) []string      // last lines of a run that exits non-zero
}

// maxLogSpan is how far back the log of a long-running container reaches,
// like a kubelet that rotated the older part away.
const maxLogSpan = 6 * time.Hour

const startupStep = 3 * time.Millisecond

// logLines returns the run's log lines with timestamps up to until. A finished
// run's log is complete: its last lines (the exit) come after its end time.
func logLines(r *containerRun, until time.Time) []logLine {
	p := profileFor(r)
	var out []logLine
	add := func(t time.Time, texts ...string) {
		for _, s := range texts {
			for _, l := range strings.Split(s, "\n") {
				out = append(out, logLine{t, l})
				t = t.Add(time.Millisecond)
			}
		}
	}
	limit := until
	if !r.running() {
		limit = r.End
	}
	startupEnd := r.Start.Add(time.Second)
	periodicFrom := 0
	if p.every > 0 && limit.Sub(startupEnd) > maxLogSpan {
		periodicFrom = int((limit.Sub(startupEnd) - maxLogSpan) / p.every)
	}
	if periodicFrom == 0 && p.startup != nil {
		t := r.Start.Add(50 * time.Millisecond)
		for _, s := range p.startup(r, t) {
			if t.After(limit) && r.running() {
				break
			}
			add(t, s)
			t = t.Add(startupStep)
		}
		if t.After(startupEnd) {
			startupEnd = t
		}
	}
	if p.every > 0 && p.periodic != nil {
		for k := periodicFrom; ; k++ {
			t := startupEnd.Add(time.Duration(k)*p.every + time.Duration(r.rnd(k, "jitter")*float64(p.every)/2))
			if t.After(limit) {
				break
			}
			if s := p.periodic(r, k, t); s != "" {
				add(t, s)
			}
		}
	}
	if !r.running() {
		t := r.End
		if n := len(out); n > 0 && !out[n-1].T.Before(t) {
			t = out[n-1].T.Add(3 * time.Millisecond)
		}
		if r.ExitCode == 0 && p.success != nil {
			add(t, p.success(r, t)...)
		} else if r.ExitCode != 0 {
			f := p.failure
			if f == nil {
				f = genericProfile.failure
			}
			add(t, f(r, t)...)
		}
	}
	return out
}

func hasArg(r *containerRun, s string) bool {
	for _, a := range r.Args {
		if strings.Contains(a, s) {
			return true
		}
	}
	return false
}

// profileFor chooses the log profile by image name and command.
func profileFor(r *containerRun) *logProfile {
	img := strings.ToLower(r.Image)
	switch {
	case strings.Contains(img, "nginx"):
		return &nginxProfile
	case strings.Contains(img, "redis"):
		return &redisProfile
	case strings.Contains(img, "configurable-http-proxy"):
		return &chpProfile
	case strings.Contains(img, "k8s-hub") || strings.Contains(img, "jupyterhub/jupyterhub"):
		return &hubProfile
	case strings.Contains(img, "binderhub"):
		return &binderProfile
	case strings.Contains(img, "image-cleaner"):
		return &cleanerProfile
	case strings.Contains(img, "pytorch") || strings.Contains(img, "tensorflow") || hasArg(r, "train"):
		return &trainerProfile
	case strings.Contains(img, "worker") || hasArg(r, "--queue") || hasArg(r, "celery"):
		return &workerProfile
	case strings.Contains(img, "python") && len(r.Args) >= 3 && r.Args[1] == "-c":
		return &pythonOneShotProfile
	case strings.Contains(img, "api") || strings.Contains(img, "python") || hasArg(r, "uvicorn"):
		return &apiProfile
	}
	return &genericProfile
}

func clientIP(r *containerRun, k int) string {
	base := r.PodIP
	if i := strings.LastIndex(base, "."); i > 0 {
		base = base[:i]
	} else {
		base = "10.244.0"
	}
	return fmt.Sprintf("%s.%d", base, 1+int(r.rnd(k, "client")*3))
}

var nginxProfile = logProfile{
	name: "nginx",
	startup: func(r *containerRun, t time.Time) []string {
		ts := t.UTC().Format("2006/01/02 15:04:05")
		return []string{
			"/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
			"/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
			"/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
			"/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
			"/docker-entrypoint.sh: Configuration complete; ready for start up",
			ts + " [notice] 1#1: using the \"epoll\" event method",
			ts + " [notice] 1#1: nginx/1.27.3",
			ts + " [notice] 1#1: OS: Linux " + kernelVersion,
			ts + " [notice] 1#1: start worker processes",
		}
	},
	every: 7 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		path := r.pick(k, "path", "/", "/healthz", "/", "/index.html", "/static/app.js", "/favicon.ico", "/api/status")
		code, size := 200, 615
		switch path {
		case "/healthz":
			size = 2
		case "/favicon.ico":
			code, size = 404, 153
		case "/static/app.js":
			size = 48213
		case "/api/status":
			size = 87
		}
		agent := r.pick(k, "agent", "kube-probe/1.34", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "curl/8.5.0")
		return fmt.Sprintf(`%s - - [%s] "GET %s HTTP/1.1" %d %d "-" "%s" "-"`,
			clientIP(r, k), t.UTC().Format("02/Jan/2006:15:04:05 -0700"), path, code, size, agent)
	},
	failure: func(r *containerRun, t time.Time) []string {
		ts := t.UTC().Format("2006/01/02 15:04:05")
		return []string{ts + ` [emerg] 1#1: host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:14`,
			`nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:14`}
	},
}

func redisTS(t time.Time) string { return t.UTC().Format("02 Jan 2006 15:04:05.000") }

var redisProfile = logProfile{
	name: "redis",
	startup: func(r *containerRun, t time.Time) []string {
		return []string{
			"1:C " + redisTS(t) + " * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
			"1:C " + redisTS(t) + " * Redis version=7.4.1, bits=64, commit=00000000, modified=0, pid=1, just started",
			"1:C " + redisTS(t) + " # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
			"1:M " + redisTS(t) + " * monotonic clock: POSIX clock_gettime",
			"1:M " + redisTS(t) + " * Running mode=standalone, port=6379.",
			"1:M " + redisTS(t) + " * Server initialized",
			"1:M " + redisTS(t) + " * Ready to accept connections tcp",
		}
	},
	every: 5 * time.Minute,
	periodic: func(r *containerRun, k int, t time.Time) string {
		return fmt.Sprintf("1:M %s * %d changes in 300 seconds. Saving...\n1:M %s * Background saving started by pid %d\n%d:C %s * DB saved on disk\n1:M %s * Background saving terminated with success",
			redisTS(t), 10+int(r.rnd(k, "changes")*90), redisTS(t), 20+k, 20+k, redisTS(t.Add(40*time.Millisecond)), redisTS(t.Add(90*time.Millisecond)))
	},
	failure: func(r *containerRun, t time.Time) []string {
		return []string{"1:M " + redisTS(t) + " # Can't open the append-only file appendonly.aof.1.incr.aof: Permission denied"}
	},
}

func tornadoTS(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05.000") }

var hubProfile = logProfile{
	name: "jupyterhub",
	startup: func(r *containerRun, t time.Time) []string {
		ts := tornadoTS(t)
		return []string{
			"Loading /usr/local/etc/jupyterhub/secret/values.yaml",
			"No config at /usr/local/etc/jupyterhub/existing-secret/values.yaml",
			"[I " + ts + " JupyterHub app:3354] Running JupyterHub version 5.2.1",
			"[I " + ts + " JupyterHub app:3384] Using Authenticator: jupyterhub.auth.DummyAuthenticator-5.2.1",
			"[I " + ts + " JupyterHub app:3384] Using Spawner: kubespawner.spawner.KubeSpawner-7.0.0",
			"[I " + ts + " JupyterHub app:3384] Using Proxy: jupyterhub.proxy.ConfigurableHTTPProxy-5.2.1",
			"[I " + ts + " JupyterHub app:1985] Not using allowed_users. Any authenticated user will be allowed.",
			"[I " + ts + " JupyterHub app:3091] Hub API listening on http://:8081/hub/",
			"[I " + ts + " JupyterHub app:3617] JupyterHub is now running, internal Hub API at http://hub:8081/hub/",
		}
	},
	every: 10 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		if r.rnd(k, "kind") < 0.2 {
			return fmt.Sprintf("[I %s JupyterHub proxy:392] Checking routes", tornadoTS(t))
		}
		return fmt.Sprintf("[I %s JupyterHub log:192] 200 GET /hub/health (@%s) %.2fms", tornadoTS(t), clientIP(r, k), 0.5+r.rnd(k, "ms")*2)
	},
	failure: func(r *containerRun, t time.Time) []string {
		ts := tornadoTS(t)
		return []string{
			"[E " + ts + " JupyterHub app:3854]",
			"    Traceback (most recent call last):",
			`      File "/usr/local/lib/python3.12/site-packages/jupyterhub/app.py", line 3851, in launch_instance_async`,
			"        await self.initialize(argv)",
			`      File "/usr/local/lib/python3.12/site-packages/jupyterhub/app.py", line 3342, in init_db`,
			"    sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) unable to open database file",
		}
	},
}

var chpProfile = logProfile{
	name: "configurable-http-proxy",
	startup: func(r *containerRun, t time.Time) []string {
		ts := t.UTC().Format("15:04:05.000")
		return []string{
			ts + " [ConfigProxy] info: Proxying http://*:8000 to (no default)",
			ts + " [ConfigProxy] info: Proxy API at http://*:8001/api/routes",
			ts + " [ConfigProxy] info: Adding route / -> http://hub:8081",
			ts + " [ConfigProxy] info: Route added / -> http://hub:8081",
		}
	},
	every: 30 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		ts := t.UTC().Format("15:04:05.000")
		if r.rnd(k, "kind") < 0.5 {
			return ts + " [ConfigProxy] info: 200 GET /api/routes"
		}
		return ts + " [ConfigProxy] error: 503 GET /hub/ connect ECONNREFUSED 10.96.120.12:8081"
	},
}

var binderProfile = logProfile{
	name: "binderhub",
	startup: func(r *containerRun, t time.Time) []string {
		ts := t.UTC().Format("060102 15:04:05")
		return []string{
			"[I " + ts + " app:870] BinderHub starting on port 8585",
			"[I " + ts + " app:877] Using build pod image builder: quay.io/jupyterhub/repo2docker:2024.07.0",
			"[I " + ts + " app:882] Pushing images to registry.abc123456.projects.jetstream-cloud.org",
		}
	},
	every: 10 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		ts := t.UTC().Format("060102 15:04:05")
		if r.rnd(k, "kind") < 0.15 {
			return fmt.Sprintf("[I %s log:135] 200 GET /v2/gh/example-org/notebooks/HEAD (%s) %.2fms", ts, clientIP(r, k), 30+r.rnd(k, "ms")*200)
		}
		return fmt.Sprintf("[I %s log:135] 200 GET /health (%s) %.2fms", ts, clientIP(r, k), 2+r.rnd(k, "ms")*8)
	},
}

var cleanerProfile = logProfile{
	name: "image-cleaner",
	startup: func(r *containerRun, t time.Time) []string {
		return []string{
			"Pruning docker images when /var/lib/docker has less than 20% free space",
			"Disk usage: 41% (threshold 80%)",
		}
	},
	success: func(r *containerRun, t time.Time) []string {
		return []string{"No images need cleaning; sleeping until the next run"}
	},
}

func pyTS(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05,000") }

var trainerProfile = logProfile{
	name: "pytorch",
	startup: func(r *containerRun, t time.Time) []string {
		return []string{
			"",
			"=============",
			"== PyTorch ==",
			"=============",
			"",
			"NVIDIA Release 24.08 (build 107063150)",
			"PyTorch Version 2.5.0a0+872d972",
			"",
			pyTS(t) + " INFO train: CUDA available: True, device: NVIDIA A100-SXM4-40GB",
			pyTS(t) + " INFO train: loading dataset from /data/shards (128 shards)",
			pyTS(t) + " INFO train: model parameters: 124,439,808",
		}
	},
	every: 20 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		const steps = 1250
		step := (k + 1) * 50
		epoch := 1 + (step-1)/steps
		loss := 0.9 + 2.6*math.Exp(-float64(step)/4000) + 0.08*r.rnd(k, "loss")
		return fmt.Sprintf("%s INFO train: epoch %d/50 step %d/%d loss %.4f lr 3.0e-04 %.1f samples/s gpu_mem 31.%dGiB",
			pyTS(t), epoch, (step-1)%steps+1, steps, loss, 410+r.rnd(k, "tput")*40, int(r.rnd(k, "mem")*9))
	},
	success: func(r *containerRun, t time.Time) []string {
		return []string{pyTS(t) + " INFO train: training finished; checkpoint written to /data/checkpoints/final.pt"}
	},
	failure: func(r *containerRun, t time.Time) []string {
		return []string{
			"Traceback (most recent call last):",
			`  File "/workspace/train.py", line 142, in <module>`,
			"    main()",
			`  File "/workspace/train.py", line 97, in main`,
			"    loss.backward()",
			"torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 39.39 GiB of which 1.12 GiB is free.",
		}
	},
}

var workerProfile = logProfile{
	name: "python-worker",
	startup: func(r *containerRun, t time.Time) []string {
		q := "redis://cache:6379/0"
		for i, a := range r.Args {
			if a == "--queue" && i+1 < len(r.Args) {
				q = r.Args[i+1]
			}
		}
		return []string{
			pyTS(t) + " INFO worker: science-worker 1.4.2 starting (pid 1)",
			pyTS(t) + " INFO worker: connecting to queue " + q,
		}
	},
	every: 6 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		return fmt.Sprintf("%s INFO worker: processed job %08x (dataset %d) in %.2fs", pyTS(t), uint32(r.rnd(k, "job")*math.MaxUint32), 100+int(r.rnd(k, "ds")*50), 0.2+r.rnd(k, "s")*3)
	},
	success: func(r *containerRun, t time.Time) []string {
		return []string{pyTS(t) + " INFO worker: queue drained, exiting"}
	},
	failure: func(r *containerRun, t time.Time) []string {
		return []string{
			pyTS(t) + " ERROR worker: cannot connect to the job queue",
			"Traceback (most recent call last):",
			`  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 357, in connect`,
			"    sock = self.retry.call_with_retry(",
			`  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 691, in _connect`,
			"    for res in socket.getaddrinfo(",
			"socket.gaierror: [Errno -2] Name or service not known",
			"",
			"During handling of the above exception, another exception occurred:",
			"",
			"Traceback (most recent call last):",
			`  File "/app/worker.py", line 48, in <module>`,
			"    main()",
			`  File "/app/worker.py", line 31, in main`,
			"    queue.ping()",
			"redis.exceptions.ConnectionError: Error -2 connecting to cache:6379. Name or service not known.",
		}
	},
}

var pythonOneShotProfile = logProfile{
	name: "python",
	startup: func(r *containerRun, t time.Time) []string {
		// python -c "print('...')": print what the script prints.
		src := r.Args[2]
		if i, j := strings.Index(src, "print("), strings.LastIndex(src, ")"); i >= 0 && j > i+6 {
			return []string{strings.Trim(src[i+6:j], `'" `)}
		}
		return nil
	},
	failure: func(r *containerRun, t time.Time) []string {
		return []string{"Traceback (most recent call last):", `  File "<string>", line 1, in <module>`, "RuntimeError: job failed"}
	},
}

var apiProfile = logProfile{
	name: "python-api",
	startup: func(r *containerRun, t time.Time) []string {
		return []string{
			"INFO:     Started server process [1]",
			"INFO:     Waiting for application startup.",
			"INFO:     Application startup complete.",
			"INFO:     Uvicorn running on http://0.0.0.0:8080 (Press CTRL+C to quit)",
		}
	},
	every: 4 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		req := r.pick(k, "req", `"GET /healthz HTTP/1.1" 200 OK`, `"GET /api/v1/datasets?page=2 HTTP/1.1" 200 OK`,
			`"GET /api/v1/datasets/4711 HTTP/1.1" 200 OK`, `"POST /api/v1/jobs HTTP/1.1" 201 Created`, `"GET /healthz HTTP/1.1" 200 OK`,
			`"GET /api/v1/datasets/9999 HTTP/1.1" 404 Not Found`)
		return fmt.Sprintf("INFO:     %s:%d - %s", clientIP(r, k), 40000+int(r.rnd(k, "port")*20000), req)
	},
	success: func(r *containerRun, t time.Time) []string {
		return []string{"INFO:     Shutting down", "INFO:     Finished server process [1]"}
	},
	failure: func(r *containerRun, t time.Time) []string {
		return []string{
			"ERROR:    Traceback (most recent call last):",
			`  File "/app/main.py", line 21, in lifespan`,
			"    await db.connect()",
			"ConnectionRefusedError: [Errno 111] Connect call failed ('10.96.0.20', 5432)",
			"ERROR:    Application startup failed. Exiting.",
		}
	},
}

var genericProfile = logProfile{
	name: "generic",
	startup: func(r *containerRun, t time.Time) []string {
		ts := t.UTC().Format(time.RFC3339)
		return []string{
			fmt.Sprintf(`time=%s level=INFO msg="starting" container=%s image=%s`, ts, r.Container, r.Image),
			fmt.Sprintf(`time=%s level=INFO msg="listening" addr=:8080`, ts),
		}
	},
	every: 15 * time.Second,
	periodic: func(r *containerRun, k int, t time.Time) string {
		return fmt.Sprintf(`time=%s level=INFO msg="request" method=GET path=/healthz status=200 duration=%dµs`, t.UTC().Format(time.RFC3339), 80+int(r.rnd(k, "d")*400))
	},
	success: func(r *containerRun, t time.Time) []string {
		return []string{fmt.Sprintf(`time=%s level=INFO msg="done"`, t.UTC().Format(time.RFC3339))}
	},
	failure: func(r *containerRun, t time.Time) []string {
		return []string{fmt.Sprintf(`time=%s level=ERROR msg="exiting" error="open /etc/app/config.yaml: no such file or directory"`, t.UTC().Format(time.RFC3339))}
	},
}

// runsOf returns the current and the previous run of a container from the pod's
// status, as the kubelet would find them, and the container's spec (nil if the
// pod has no such container).
func findContainer(pod *corev1.Pod, name string) (*corev1.Container, *corev1.ContainerStatus) {
	var spec *corev1.Container
	for _, list := range [][]corev1.Container{pod.Spec.Containers, pod.Spec.InitContainers} {
		for i := range list {
			if list[i].Name == name {
				spec = &list[i]
			}
		}
	}
	if spec == nil {
		for i := range pod.Spec.EphemeralContainers {
			if pod.Spec.EphemeralContainers[i].Name == name {
				c := corev1.Container(pod.Spec.EphemeralContainers[i].EphemeralContainerCommon)
				spec = &c
			}
		}
	}
	for _, list := range [][]corev1.ContainerStatus{pod.Status.ContainerStatuses, pod.Status.InitContainerStatuses, pod.Status.EphemeralContainerStatuses} {
		for i := range list {
			if list[i].Name == name {
				return spec, &list[i]
			}
		}
	}
	return spec, nil
}

func runFrom(pod *corev1.Pod, spec *corev1.Container, id string, start, end time.Time, exit int32) *containerRun {
	r := &containerRun{ID: id, Namespace: pod.Namespace, Pod: pod.Name, Container: spec.Name, Image: spec.Image,
		PodIP: pod.Status.PodIP, Start: start, End: end, ExitCode: exit}
	r.Args = append(append(r.Args, spec.Command...), spec.Args...)
	return r
}

// logRun picks the run whose log the kubelet would return, with the kubelet's
// error messages when there is none (see the kubelet's validateContainerLogStatus).
func logRun(pod *corev1.Pod, container string, previous bool) (*containerRun, error) {
	spec, cs := findContainer(pod, container)
	if spec == nil || cs == nil {
		return nil, fmt.Errorf("container %q in pod %q is not available", container, pod.Name)
	}
	last := cs.LastTerminationState.Terminated
	waiting, running, terminated := cs.State.Waiting, cs.State.Running, cs.State.Terminated
	switch {
	case previous:
		if last == nil || last.ContainerID == "" {
			return nil, fmt.Errorf("previous terminated container %q in pod %q not found", container, pod.Name)
		}
		return runFrom(pod, spec, last.ContainerID, last.StartedAt.Time, last.FinishedAt.Time, last.ExitCode), nil
	case running != nil:
		return runFrom(pod, spec, cs.ContainerID, running.StartedAt.Time, time.Time{}, 0), nil
	case terminated != nil:
		if terminated.ContainerID == "" && cs.ContainerID == "" {
			if last != nil && last.ContainerID != "" {
				return runFrom(pod, spec, last.ContainerID, last.StartedAt.Time, last.FinishedAt.Time, last.ExitCode), nil
			}
			return nil, fmt.Errorf("container %q in pod %q is terminated", container, pod.Name)
		}
		id := terminated.ContainerID
		if id == "" {
			id = cs.ContainerID
		}
		return runFrom(pod, spec, id, terminated.StartedAt.Time, terminated.FinishedAt.Time, terminated.ExitCode), nil
	case last != nil:
		if last.ContainerID == "" {
			return nil, fmt.Errorf("container %q in pod %q is terminated", container, pod.Name)
		}
		return runFrom(pod, spec, last.ContainerID, last.StartedAt.Time, last.FinishedAt.Time, last.ExitCode), nil
	case waiting != nil:
		switch waiting.Reason {
		case "ErrImagePull":
			return nil, fmt.Errorf("container %q in pod %q is waiting to start: image can't be pulled", container, pod.Name)
		case "ImagePullBackOff":
			return nil, fmt.Errorf("container %q in pod %q is waiting to start: trying and failing to pull image", container, pod.Name)
		default:
			return nil, fmt.Errorf("container %q in pod %q is waiting to start: %v", container, pod.Name, waiting.Reason)
		}
	}
	return nil, fmt.Errorf("container %q in pod %q is waiting to start - no logs yet", container, pod.Name)
}
