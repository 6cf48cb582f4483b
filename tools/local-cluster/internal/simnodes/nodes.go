// Package simnodes implements the `nodes` subcommand: simulated Jetstream2 nodes.
// There is no kubelet and no container runtime; this agent plays the kubelet's
// part towards the API server only: it registers Nodes, renews their Leases,
// reports Ready, and moves the pods the real scheduler binds to them through
// their lifecycle (see pods.go).
package simnodes

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/signal"
	"sort"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	coordinationv1 "k8s.io/api/coordination/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
	"k8s.io/client-go/tools/record"
	"k8s.io/client-go/util/retry"
	"k8s.io/component-base/version"
	"k8s.io/klog/v2"
	aggregator "k8s.io/kube-aggregator/pkg/client/clientset_generated/clientset"
	"k8s.io/utils/ptr"
	"sigs.k8s.io/yaml"
)

// Flavor is a Jetstream2 instance size.
type Flavor struct {
	VCPU   int64
	RAMGB  int64
	DiskGB int64
	GPU    int64
}

// flavors are the Jetstream2 flavors (vCPU / RAM GB / root disk GB / GPU).
var flavors = map[string]Flavor{
	"m3.tiny":   {1, 3, 20, 0},
	"m3.small":  {2, 6, 20, 0},
	"m3.quad":   {4, 15, 20, 0},
	"m3.medium": {8, 30, 60, 0},
	"m3.large":  {16, 60, 60, 0},
	"m3.xl":     {32, 125, 60, 0},
	"g3.medium": {8, 30, 60, 1},
	"g3.large":  {16, 60, 60, 1},
}

func lookupFlavor(name string) (Flavor, error) {
	f, ok := flavors[name]
	if !ok {
		known := make([]string, 0, len(flavors))
		for k := range flavors {
			known = append(known, k)
		}
		sort.Strings(known)
		return Flavor{}, fmt.Errorf("unknown flavor %q (known: %v)", name, known)
	}
	return f, nil
}

// NodesConfig is the content of nodes.yaml.
type NodesConfig struct {
	Region string       `json:"region"`
	Zone   string       `json:"zone"`
	Nodes  []NodeConfig `json:"nodes"`

	// Set from flags, not from the file: the first node's InternalIP (the others
	// count up from it) and the kubelet port. Unset: made-up 10.0.0.10+i, 10250.
	ipBase      net.IP `json:"-"`
	kubeletPort int32  `json:"-"`
}

// NodeConfig describes one simulated node.
type NodeConfig struct {
	Name   string `json:"name"`
	Flavor string `json:"flavor"`
	// Role "control-plane" adds the control-plane label and NoSchedule taint.
	Role string `json:"role,omitempty"`
	// Ready defaults to true; false reports the node NotReady (leases still renewed,
	// pods bound to it are left alone, like a kubelet whose runtime is broken).
	Ready *bool `json:"ready,omitempty"`
	// Unschedulable cordons the node at registration.
	Unschedulable bool              `json:"unschedulable,omitempty"`
	Labels        map[string]string `json:"labels,omitempty"`
	Taints        []corev1.Taint    `json:"taints,omitempty"`
}

func (n NodeConfig) ready() bool { return n.Ready == nil || *n.Ready }

const (
	gpuResource       corev1.ResourceName = "nvidia.com/gpu"
	simulateAnnot                         = "local-cluster.jetstream2/simulate"
	runSecondsAnnot                       = "local-cluster.jetstream2/run-seconds"
	simulatedLabel                        = "local-cluster.jetstream2/simulated"
	containerRuntime                      = "containerd://1.7.24"
	osImage                               = "Ubuntu 22.04.5 LTS"
	kernelVersion                         = "5.15.0-131-generic"
	leaseDurationSecs                     = 40
)

func loadNodesConfig(path string) (*NodesConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cfg NodesConfig
	if err := yaml.UnmarshalStrict(data, &cfg); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if cfg.Region == "" {
		cfg.Region = "IU"
	}
	if cfg.Zone == "" {
		cfg.Zone = "nova"
	}
	seen := map[string]bool{}
	for _, n := range cfg.Nodes {
		if n.Name == "" {
			return nil, fmt.Errorf("%s: a node has no name", path)
		}
		if seen[n.Name] {
			return nil, fmt.Errorf("%s: duplicate node %q", path, n.Name)
		}
		seen[n.Name] = true
		if _, err := lookupFlavor(n.Flavor); err != nil {
			return nil, fmt.Errorf("%s: node %s: %w", path, n.Name, err)
		}
	}
	if len(cfg.Nodes) == 0 {
		return nil, fmt.Errorf("%s: no nodes", path)
	}
	if len(cfg.Nodes) > 250 {
		return nil, fmt.Errorf("%s: at most 250 nodes", path)
	}
	return &cfg, nil
}

// nodeIP is the InternalIP of the i-th node: where its kubelet API listens
// (a loopback address given with --node-ip-base), else a made-up 10.0.0.10+i.
func (cfg *NodesConfig) nodeIP(i int) string {
	if ip4 := cfg.ipBase.To4(); ip4 != nil {
		return net.IPv4(ip4[0], ip4[1], ip4[2], ip4[3]+byte(i)).String()
	}
	return fmt.Sprintf("10.0.0.%d", 10+i)
}

func (cfg *NodesConfig) port() int32 {
	if cfg.kubeletPort > 0 {
		return cfg.kubeletPort
	}
	return 10250
}

// podCIDR is the i-th node's pod range.
func podCIDR(i int) string { return fmt.Sprintf("10.244.%d.0/24", i) }

func stableID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

func uuidFrom(s string) string {
	h := stableID(s)
	return fmt.Sprintf("%s-%s-%s-%s-%s", h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])
}

func nodeResources(f Flavor) (capacity, allocatable corev1.ResourceList) {
	capacity = corev1.ResourceList{
		corev1.ResourceCPU:              *resource.NewQuantity(f.VCPU, resource.DecimalSI),
		corev1.ResourceMemory:           *resource.NewQuantity(f.RAMGB*1000*1000*1000, resource.BinarySI),
		corev1.ResourceEphemeralStorage: *resource.NewQuantity(f.DiskGB*1000*1000*1000, resource.BinarySI),
		corev1.ResourcePods:             *resource.NewQuantity(110, resource.DecimalSI),
		"hugepages-1Gi":                 *resource.NewQuantity(0, resource.BinarySI),
		"hugepages-2Mi":                 *resource.NewQuantity(0, resource.BinarySI),
	}
	// Like a kubelet with the default eviction threshold and a small system reservation.
	allocatable = capacity.DeepCopy()
	allocatable[corev1.ResourceMemory] = *resource.NewQuantity(f.RAMGB*1000*1000*1000-(100<<20), resource.BinarySI)
	allocatable[corev1.ResourceEphemeralStorage] = *resource.NewQuantity(f.DiskGB*1000*1000*1000*9/10, resource.BinarySI)
	if f.GPU > 0 {
		capacity[gpuResource] = *resource.NewQuantity(f.GPU, resource.DecimalSI)
		allocatable[gpuResource] = *resource.NewQuantity(f.GPU, resource.DecimalSI)
	}
	return capacity, allocatable
}

// buildNode returns the Node object (spec, metadata and status) for the i-th configured node.
func buildNode(cfg *NodesConfig, i int, kubeVersion string, now time.Time) (*corev1.Node, error) {
	nc := cfg.Nodes[i]
	f, err := lookupFlavor(nc.Flavor)
	if err != nil {
		return nil, err
	}
	labels := map[string]string{
		"kubernetes.io/hostname":           nc.Name,
		"kubernetes.io/os":                 "linux",
		"kubernetes.io/arch":               "amd64",
		"beta.kubernetes.io/os":            "linux",
		"beta.kubernetes.io/arch":          "amd64",
		"node.kubernetes.io/instance-type": nc.Flavor,
		"topology.kubernetes.io/region":    cfg.Region,
		"topology.kubernetes.io/zone":      cfg.Zone,
		simulatedLabel:                     "true",
	}
	var taints []corev1.Taint
	if nc.Role == "control-plane" {
		labels["node-role.kubernetes.io/control-plane"] = ""
		taints = append(taints, corev1.Taint{Key: "node-role.kubernetes.io/control-plane", Effect: corev1.TaintEffectNoSchedule})
	} else if nc.Role != "" {
		labels["node-role.kubernetes.io/"+nc.Role] = ""
	}
	if f.GPU > 0 {
		labels["nvidia.com/gpu.present"] = "true"
		labels["nvidia.com/gpu.product"] = "NVIDIA-A100-SXM4-40GB"
		taints = append(taints, corev1.Taint{Key: string(gpuResource), Value: "present", Effect: corev1.TaintEffectNoSchedule})
	}
	for k, v := range nc.Labels {
		labels[k] = v
	}
	taints = append(taints, nc.Taints...)
	capacity, allocatable := nodeResources(f)
	id := uuidFrom(nc.Name)
	node := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{
			Name:   nc.Name,
			Labels: labels,
			Annotations: map[string]string{
				"node.alpha.kubernetes.io/ttl":                           "0",
				"volumes.kubernetes.io/controller-managed-attach-detach": "true",
				"local-cluster.jetstream2/flavor":                        nc.Flavor,
			},
		},
		Spec: corev1.NodeSpec{
			PodCIDR:       podCIDR(i),
			PodCIDRs:      []string{podCIDR(i)},
			ProviderID:    "openstack:///" + id,
			Taints:        taints,
			Unschedulable: nc.Unschedulable,
		},
		Status: corev1.NodeStatus{
			Capacity:    capacity,
			Allocatable: allocatable,
			Phase:       corev1.NodeRunning,
			Conditions:  nodeConditions(nc.ready(), now, now),
			Addresses: []corev1.NodeAddress{
				{Type: corev1.NodeInternalIP, Address: cfg.nodeIP(i)},
				{Type: corev1.NodeHostName, Address: nc.Name},
			},
			DaemonEndpoints: corev1.NodeDaemonEndpoints{KubeletEndpoint: corev1.DaemonEndpoint{Port: cfg.port()}},
			NodeInfo: corev1.NodeSystemInfo{
				MachineID:               stableID("machine", nc.Name)[:32],
				SystemUUID:              id,
				BootID:                  uuidFrom("boot/" + nc.Name),
				KernelVersion:           kernelVersion,
				OSImage:                 osImage,
				ContainerRuntimeVersion: containerRuntime,
				KubeletVersion:          kubeVersion,
				KubeProxyVersion:        kubeVersion,
				OperatingSystem:         "linux",
				Architecture:            "amd64",
			},
		},
	}
	return node, nil
}

// nodeConditions are the kubelet's standard node conditions.
func nodeConditions(ready bool, heartbeat, transition time.Time) []corev1.NodeCondition {
	hb, tr := metav1.NewTime(heartbeat), metav1.NewTime(transition)
	c := func(t corev1.NodeConditionType, s corev1.ConditionStatus, reason, msg string) corev1.NodeCondition {
		return corev1.NodeCondition{Type: t, Status: s, Reason: reason, Message: msg, LastHeartbeatTime: hb, LastTransitionTime: tr}
	}
	readyCond := c(corev1.NodeReady, corev1.ConditionTrue, "KubeletReady", "kubelet is posting ready status")
	if !ready {
		readyCond = c(corev1.NodeReady, corev1.ConditionFalse, "KubeletNotReady",
			"container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized")
	}
	return []corev1.NodeCondition{
		c(corev1.NodeMemoryPressure, corev1.ConditionFalse, "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
		c(corev1.NodeDiskPressure, corev1.ConditionFalse, "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
		c(corev1.NodePIDPressure, corev1.ConditionFalse, "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
		readyCond,
	}
}

// refreshConditions updates heartbeat times, keeping transition times unless the status changes.
func refreshConditions(existing []corev1.NodeCondition, ready bool, now time.Time) []corev1.NodeCondition {
	want := nodeConditions(ready, now, now)
	for i := range want {
		for _, old := range existing {
			if old.Type == want[i].Type && old.Status == want[i].Status && !old.LastTransitionTime.IsZero() {
				want[i].LastTransitionTime = old.LastTransitionTime
			}
		}
	}
	return want
}

type nodeAgent struct {
	recorders      map[string]record.EventRecorder
	client         kubernetes.Interface
	cfg            *NodesConfig
	version        string
	leaseInterval  time.Duration
	statusInterval time.Duration
}

// registerNode creates the node, or brings an existing one in line with the config
// (labels, taints from the config, capacity and status), keeping what others changed.
func (a *nodeAgent) registerNode(ctx context.Context, i int) error {
	want, err := buildNode(a.cfg, i, a.version, time.Now())
	if err != nil {
		return err
	}
	nodes := a.client.CoreV1().Nodes()
	_, err = nodes.Create(ctx, want, metav1.CreateOptions{})
	switch {
	case err == nil:
		klog.Infof("registered node %s (%s, %s)", want.Name, a.cfg.Nodes[i].Flavor, want.Spec.PodCIDR)
	case apierrors.IsAlreadyExists(err):
		err = retry.RetryOnConflict(retry.DefaultRetry, func() error {
			cur, err := nodes.Get(ctx, want.Name, metav1.GetOptions{})
			if err != nil {
				return err
			}
			if cur.Labels == nil {
				cur.Labels = map[string]string{}
			}
			for k, v := range want.Labels {
				cur.Labels[k] = v
			}
			if cur.Annotations == nil {
				cur.Annotations = map[string]string{}
			}
			for k, v := range want.Annotations {
				cur.Annotations[k] = v
			}
			for _, t := range want.Spec.Taints {
				if !hasTaint(cur.Spec.Taints, t) {
					cur.Spec.Taints = append(cur.Spec.Taints, t)
				}
			}
			if want.Spec.Unschedulable {
				cur.Spec.Unschedulable = true
			}
			_, err = nodes.Update(ctx, cur, metav1.UpdateOptions{})
			return err
		})
		if err != nil {
			return err
		}
		klog.Infof("node %s already registered, re-attached", want.Name)
	default:
		return err
	}
	// The status is ignored on create; set it now.
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		cur, err := nodes.Get(ctx, want.Name, metav1.GetOptions{})
		if err != nil {
			return err
		}
		st := want.Status
		st.Conditions = refreshConditions(cur.Status.Conditions, a.cfg.Nodes[i].ready(), time.Now())
		st.Images = cur.Status.Images
		cur.Status = st
		_, err = nodes.UpdateStatus(ctx, cur, metav1.UpdateOptions{})
		return err
	})
}

func hasTaint(taints []corev1.Taint, t corev1.Taint) bool {
	for _, x := range taints {
		if x.Key == t.Key && x.Effect == t.Effect {
			return true
		}
	}
	return false
}

func (a *nodeAgent) renewLease(ctx context.Context, i int) error {
	name := a.cfg.Nodes[i].Name
	leases := a.client.CoordinationV1().Leases(corev1.NamespaceNodeLease)
	now := metav1.NewMicroTime(time.Now())
	lease, err := leases.Get(ctx, name, metav1.GetOptions{})
	if apierrors.IsNotFound(err) {
		var owners []metav1.OwnerReference
		if node, err := a.client.CoreV1().Nodes().Get(ctx, name, metav1.GetOptions{}); err == nil {
			owners = []metav1.OwnerReference{{APIVersion: "v1", Kind: "Node", Name: name, UID: node.UID}}
		}
		_, err = leases.Create(ctx, &coordinationv1.Lease{
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: corev1.NamespaceNodeLease, OwnerReferences: owners},
			Spec: coordinationv1.LeaseSpec{
				HolderIdentity:       ptr.To(name),
				LeaseDurationSeconds: ptr.To[int32](leaseDurationSecs),
				RenewTime:            &now,
			},
		}, metav1.CreateOptions{})
		return err
	}
	if err != nil {
		return err
	}
	lease.Spec.HolderIdentity = ptr.To(name)
	lease.Spec.LeaseDurationSeconds = ptr.To[int32](leaseDurationSecs)
	lease.Spec.RenewTime = &now
	_, err = leases.Update(ctx, lease, metav1.UpdateOptions{})
	return err
}

func (a *nodeAgent) heartbeat(ctx context.Context, i int) error {
	nodes := a.client.CoreV1().Nodes()
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		cur, err := nodes.Get(ctx, a.cfg.Nodes[i].Name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			klog.Warningf("node %s was deleted, registering it again", a.cfg.Nodes[i].Name)
			return a.registerNode(ctx, i)
		}
		if err != nil {
			return err
		}
		cur.Status.Conditions = refreshConditions(cur.Status.Conditions, a.cfg.Nodes[i].ready(), time.Now())
		_, err = nodes.UpdateStatus(ctx, cur, metav1.UpdateOptions{})
		return err
	})
}

// runNode keeps one node alive until ctx ends.
func (a *nodeAgent) runNode(ctx context.Context, i int) {
	name := a.cfg.Nodes[i].Name
	// Register, retrying while the API server is not reachable.
	backoff := wait.Backoff{Duration: time.Second, Factor: 2, Steps: 1 << 30, Cap: 30 * time.Second}
	for {
		err := a.registerNode(ctx, i)
		if err == nil {
			break
		}
		klog.Warningf("registering node %s: %v (retrying)", name, err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff.Step()):
		}
	}
	if rec := a.recorders[name]; rec != nil {
		// Like a kubelet start; events on Nodes refer to them by name (UID = name).
		ref := &corev1.ObjectReference{Kind: "Node", Name: name, UID: types.UID(name)}
		rec.Event(ref, corev1.EventTypeNormal, "Starting", "Starting kubelet.")
		if a.cfg.Nodes[i].ready() {
			rec.Eventf(ref, corev1.EventTypeNormal, "NodeReady", "Node %s status is now: NodeReady", name)
		} else {
			rec.Eventf(ref, corev1.EventTypeNormal, "NodeNotReady", "Node %s status is now: NodeNotReady", name)
		}
	}
	leaseTick := time.NewTicker(a.leaseInterval)
	statusTick := time.NewTicker(a.statusInterval)
	defer leaseTick.Stop()
	defer statusTick.Stop()
	failing := false
	report := func(what string, err error) {
		if err != nil && !failing {
			klog.Warningf("node %s: %s failed: %v", name, what, err)
			failing = true
		} else if err == nil && failing {
			klog.Infof("node %s: %s works again", name, what)
			failing = false
		}
	}
	report("lease renewal", a.renewLease(ctx, i))
	for {
		select {
		case <-ctx.Done():
			return
		case <-leaseTick.C:
			report("lease renewal", a.renewLease(ctx, i))
		case <-statusTick.C:
			report("status heartbeat", a.heartbeat(ctx, i))
		}
	}
}

// NewCommand returns the `nodes` subcommand.
func NewCommand() *cobra.Command {
	var (
		kubeconfig     string
		configPath     string
		leaseInterval  time.Duration
		statusInterval time.Duration
		runDuration    time.Duration
		nodeIPBase     string
		kubeletPort    int32
		serve          = serveOptions{metricsServiceName: "metrics-server"}
	)
	cmd := &cobra.Command{
		Use:          "nodes",
		Short:        "simulated Jetstream2 nodes: register Nodes, renew Leases, run bound pods (no kubelet)",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadNodesConfig(configPath)
			if err != nil {
				return err
			}
			rc, err := clientcmd.BuildConfigFromFlags("", kubeconfig)
			if err != nil {
				return err
			}
			rc.QPS, rc.Burst = 50, 100
			rc.UserAgent = "local-cluster-nodes"
			client, err := kubernetes.NewForConfig(rc)
			if err != nil {
				return err
			}
			ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
			defer cancel()

			if nodeIPBase != "" {
				ip := net.ParseIP(nodeIPBase).To4()
				if ip == nil || !ip.IsLoopback() {
					return fmt.Errorf("--node-ip-base %q: want an IPv4 loopback address (127.x.y.z)", nodeIPBase)
				}
				if int(ip[3])+len(cfg.Nodes) > 255 {
					return fmt.Errorf("--node-ip-base %s: no room for %d nodes", nodeIPBase, len(cfg.Nodes))
				}
				cfg.ipBase, cfg.kubeletPort = ip, kubeletPort
			}

			agent := &nodeAgent{client: client, cfg: cfg, version: version.Get().GitVersion,
				leaseInterval: leaseInterval, statusInterval: statusInterval}
			klog.Infof("simulating %d Jetstream2 nodes (kubelet version %s)", len(cfg.Nodes), agent.version)
			pc := newPodController(client, cfg, runDuration)
			agent.recorders = pc.recorders

			if serve.caCert != "" || serve.metricsAddr != "" {
				ca, err := loadCA(serve.caCert, serve.caKey)
				if err != nil {
					return err
				}
				if cfg.ipBase != nil {
					if err := startKubelets(ctx, cfg, ca, pc); err != nil {
						return err
					}
				}
				if serve.metricsAddr != "" {
					agg, err := aggregator.NewForConfig(rc)
					if err != nil {
						return err
					}
					if err := startMetrics(ctx, client, agg, cfg, ca, serve, pc); err != nil {
						return err
					}
				}
			}
			for i := range cfg.Nodes {
				go agent.runNode(ctx, i)
			}
			return pc.Run(ctx)
		},
	}
	f := cmd.Flags()
	f.StringVar(&kubeconfig, "kubeconfig", "", "kubeconfig with rights to manage nodes, leases and pods")
	f.StringVar(&configPath, "config", "nodes.yaml", "node definitions (YAML)")
	f.DurationVar(&leaseInterval, "lease-interval", 10*time.Second, "how often node Leases are renewed")
	f.DurationVar(&statusInterval, "status-interval", 30*time.Second, "how often the Ready condition heartbeat is posted")
	f.StringVar(&nodeIPBase, "node-ip-base", "", "loopback IPv4 address of the first node's kubelet API (the others count up from it); empty: no kubelet API, made-up InternalIPs 10.0.0.10+i")
	f.Int32Var(&kubeletPort, "kubelet-port", 10250, "port of the kubelet API on each node's IP")
	f.StringVar(&serve.caCert, "tls-ca-cert", "", "cluster CA certificate: signs the kubelets' and the metrics API's serving certificates, verifies the API server's kubelet client certificate, and is the APIService's caBundle")
	f.StringVar(&serve.caKey, "tls-ca-key", "", "private key of --tls-ca-cert")
	f.StringVar(&serve.metricsAddr, "metrics-address", "", "IP:port (loopback) to serve metrics.k8s.io on, registered as APIService v1beta1.metrics.k8s.io; empty: off")
	f.StringVar(&serve.frontProxyCA, "requestheader-client-ca-file", "", "front-proxy CA that signs the API server's proxy client certificate (for the metrics API)")
	f.StringSliceVar(&serve.frontProxyNames, "requestheader-allowed-names", []string{"front-proxy-client"}, "common names of proxy client certificates the metrics API accepts")
	f.DurationVar(&runDuration, "complete-after", 5*time.Second, "how long Job pods (and pods annotated simulate=complete) run before they succeed")
	return cmd
}
