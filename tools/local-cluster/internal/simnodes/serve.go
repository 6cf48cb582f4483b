package simnodes

// Starting the simulated kubelets' HTTPS servers and the metrics API server, and
// registering the metrics API with the API server's aggregator.

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/util/retry"
	"k8s.io/klog/v2"
	apiregv1 "k8s.io/kube-aggregator/pkg/apis/apiregistration/v1"
	aggregator "k8s.io/kube-aggregator/pkg/client/clientset_generated/clientset"
)

// serveOptions come from the `nodes` command's flags.
type serveOptions struct {
	caCert, caKey      string // cluster CA: signs serving certs, verifies the API server's kubelet client cert
	frontProxyCA       string // verifies the aggregator's proxy client cert
	frontProxyNames    []string
	metricsAddr        string // host:port of the metrics API; "" = off
	metricsServiceName string // kube-system/<name>
}

func (pc *podController) getPod(ns, name string) (*corev1.Pod, bool) {
	p, err := pc.lister.Pods(ns).Get(name)
	if err != nil {
		return nil, false
	}
	return p, true
}

func (pc *podController) listPods() []*corev1.Pod {
	pods, _ := pc.lister.List(labels.Everything())
	return pods
}

// startKubelets starts one kubelet API server per node on its InternalIP.
func startKubelets(ctx context.Context, cfg *NodesConfig, ca *certAuthority, pc *podController) error {
	tlsCfg := &tls.Config{ClientAuth: tls.VerifyClientCertIfGiven, ClientCAs: ca.pool}
	for i, n := range cfg.Nodes {
		ip := cfg.nodeIP(i)
		cert, err := ca.serving("system:node:"+n.Name, []string{n.Name}, []net.IP{net.ParseIP(ip)})
		if err != nil {
			return err
		}
		h := withClientCert(newKubeletServer(n.Name, pc.getPod, pc.listPods))
		addr := net.JoinHostPort(ip, strconv.Itoa(int(cfg.port())))
		if _, err := serveTLS(ctx, "kubelet API of "+n.Name, addr, cert, tlsCfg, h); err != nil {
			return err
		}
	}
	return nil
}

// startMetrics serves metrics.k8s.io on opts.metricsAddr and registers it.
func startMetrics(ctx context.Context, client kubernetes.Interface, agg aggregator.Interface, cfg *NodesConfig,
	ca *certAuthority, opts serveOptions, pc *podController) error {
	host, portStr, err := net.SplitHostPort(opts.metricsAddr)
	if err != nil {
		return fmt.Errorf("--metrics-address: %w", err)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 1 || port > 65535 {
		return fmt.Errorf("--metrics-address: bad port %q", portStr)
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return fmt.Errorf("--metrics-address: %q is not an IP address", host)
	}
	svc := opts.metricsServiceName
	cert, err := ca.serving(svc, []string{svc + ".kube-system.svc", svc + ".kube-system.svc.cluster.local", "localhost"}, []net.IP{ip})
	if err != nil {
		return err
	}
	proxyCAs, err := loadPool(opts.frontProxyCA)
	if err != nil {
		return fmt.Errorf("--requestheader-client-ca-file: %w", err)
	}

	nodeFactory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	nodeLister := nodeFactory.Core().V1().Nodes().Lister()
	nodeFactory.Start(ctx.Done())
	ready := map[string]bool{}
	for _, n := range cfg.Nodes {
		ready[n.Name] = n.ready()
	}
	ms := &metricsServer{
		nodes: func() []*corev1.Node {
			all, _ := nodeLister.List(labels.Everything())
			var out []*corev1.Node
			for _, n := range all {
				if ready[n.Name] {
					out = append(out, n)
				}
			}
			return out
		},
		pods: pc.listPods,
		now:  time.Now,
	}
	tlsCfg := &tls.Config{ClientAuth: tls.VerifyClientCertIfGiven, ClientCAs: proxyCAs}
	if _, err := serveTLS(ctx, "metrics API", opts.metricsAddr, cert, tlsCfg, withFrontProxy(ms, opts.frontProxyNames)); err != nil {
		return err
	}
	caPEM, err := os.ReadFile(opts.caCert)
	if err != nil {
		return err
	}
	go func() {
		backoff := wait.Backoff{Duration: time.Second, Factor: 2, Steps: 1 << 30, Cap: 30 * time.Second}
		for {
			err := ensureMetricsAPIService(ctx, client, agg, svc, host, int32(port), caPEM)
			if err == nil {
				klog.Infof("metrics API registered: APIService v1beta1.metrics.k8s.io -> Service kube-system/%s (ExternalName %s, port %d)", svc, host, port)
				return
			}
			klog.Warningf("registering the metrics API: %v (retrying)", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(backoff.Step()):
			}
		}
	}()
	return nil
}

// ensureMetricsAPIService creates or updates Service kube-system/<svc> (type
// ExternalName pointing at the metrics server's loopback IP: the aggregator
// dials ExternalName services directly, at the APIService's port, and checks the
// serving certificate for <svc>.kube-system.svc) and APIService v1beta1.metrics.k8s.io.
func ensureMetricsAPIService(ctx context.Context, client kubernetes.Interface, agg aggregator.Interface, svc, host string, port int32, caPEM []byte) error {
	labels := map[string]string{"k8s-app": "metrics-server", "app.kubernetes.io/managed-by": "local-cluster-nodes"}
	wantSvc := &corev1.Service{
		ObjectMeta: metav1.ObjectMeta{Name: svc, Namespace: metav1.NamespaceSystem, Labels: labels},
		Spec:       corev1.ServiceSpec{Type: corev1.ServiceTypeExternalName, ExternalName: host},
	}
	services := client.CoreV1().Services(metav1.NamespaceSystem)
	err := retry.RetryOnConflict(retry.DefaultRetry, func() error {
		cur, err := services.Get(ctx, svc, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			_, err = services.Create(ctx, wantSvc, metav1.CreateOptions{})
			return err
		}
		if err != nil {
			return err
		}
		if cur.Spec.Type == corev1.ServiceTypeExternalName && cur.Spec.ExternalName == host {
			return nil
		}
		if cur.Spec.Type != corev1.ServiceTypeExternalName {
			// Changing a ClusterIP Service to ExternalName needs its IPs cleared: recreate.
			if err := services.Delete(ctx, svc, metav1.DeleteOptions{}); err != nil && !apierrors.IsNotFound(err) {
				return err
			}
			_, err = services.Create(ctx, wantSvc, metav1.CreateOptions{})
			return err
		}
		cur.Spec.ExternalName = host
		_, err = services.Update(ctx, cur, metav1.UpdateOptions{})
		return err
	})
	if err != nil {
		return fmt.Errorf("service kube-system/%s: %w", svc, err)
	}
	want := &apiregv1.APIService{
		ObjectMeta: metav1.ObjectMeta{Name: metricsVersion + "." + metricsGroup, Labels: labels},
		Spec: apiregv1.APIServiceSpec{
			Service:              &apiregv1.ServiceReference{Namespace: metav1.NamespaceSystem, Name: svc, Port: &port},
			Group:                metricsGroup,
			Version:              metricsVersion,
			CABundle:             caPEM,
			GroupPriorityMinimum: 100,
			VersionPriority:      100,
		},
	}
	apis := agg.ApiregistrationV1().APIServices()
	return retry.RetryOnConflict(retry.DefaultRetry, func() error {
		cur, err := apis.Get(ctx, want.Name, metav1.GetOptions{})
		if apierrors.IsNotFound(err) {
			_, err = apis.Create(ctx, want, metav1.CreateOptions{})
			return err
		}
		if err != nil {
			return err
		}
		cur.Labels = want.Labels
		cur.Spec = want.Spec
		_, err = apis.Update(ctx, cur, metav1.UpdateOptions{})
		return err
	})
}
