// Command local-cluster is a multi-call binary that runs a real, loopback-only
// Kubernetes control plane for development, tests and demos:
//
//	local-cluster etcd                [flags]   embedded etcd (go.etcd.io/etcd/server/v3/embed)
//	local-cluster apiserver           [flags]   upstream kube-apiserver
//	local-cluster controller-manager  [flags]   upstream kube-controller-manager
//	local-cluster scheduler           [flags]   upstream kube-scheduler
//	local-cluster nodes               [flags]   simulated Jetstream2 nodes (no kubelet)
//	local-cluster version
//
// Only the command that is asked for is constructed: the upstream commands set
// up process-wide signal handling when they are created.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	_ "time/tzdata" // CronJob time zone support, as in the upstream binaries

	"github.com/spf13/cobra"
	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/component-base/version"
	apiserver "k8s.io/kubernetes/cmd/kube-apiserver/app"
	controllermanager "k8s.io/kubernetes/cmd/kube-controller-manager/app"
	scheduler "k8s.io/kubernetes/cmd/kube-scheduler/app"

	"github.com/jetstream2-portal/local-cluster/internal/simnodes"
)

const usage = `usage: local-cluster <command> [flags]

commands:
  etcd                embedded etcd server (loopback only)
  apiserver           upstream kube-apiserver
  controller-manager  upstream kube-controller-manager
  scheduler           upstream kube-scheduler
  nodes               simulated Jetstream2 nodes and pod lifecycle (no kubelet)
  version             print the Kubernetes version this binary was built from

Run "local-cluster <command> --help" for the flags of a command.
`

func main() {
	name := filepath.Base(os.Args[0])
	args := os.Args[1:]
	// Multi-call: a symlink named after a command runs that command.
	if name == "local-cluster" || name == "main" || len(name) == 0 {
		if len(args) == 0 {
			fmt.Fprint(os.Stderr, usage)
			os.Exit(2)
		}
		name, args = args[0], args[1:]
	}

	var cmd *cobra.Command
	switch name {
	case "apiserver", "kube-apiserver":
		cmd = apiserver.NewAPIServerCommand()
	case "controller-manager", "kube-controller-manager":
		cmd = controllermanager.NewControllerManagerCommand()
	case "scheduler", "kube-scheduler":
		cmd = scheduler.NewSchedulerCommand()
	case "etcd":
		cmd = newEtcdCommand()
	case "nodes":
		cmd = simnodes.NewCommand()
	case "version", "--version", "-version":
		fmt.Println(version.Get().GitVersion)
		return
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "local-cluster: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
	cmd.SetArgs(args)
	os.Exit(cli.Run(cmd))
}
