package main

import (
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"go.etcd.io/etcd/server/v3/embed"
)

// newEtcdCommand runs a single-member etcd bound to loopback only.
func newEtcdCommand() *cobra.Command {
	var (
		dataDir    string
		clientPort int
		peerPort   int
		name       string
		logLevel   string
		noFsync    bool
	)
	cmd := &cobra.Command{
		Use:          "etcd",
		Short:        "embedded single-member etcd on 127.0.0.1",
		SilenceUsage: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dataDir == "" {
				return fmt.Errorf("--data-dir is required")
			}
			cfg := embed.NewConfig()
			cfg.Name = name
			cfg.Dir = dataDir
			cfg.LogLevel = logLevel
			cfg.UnsafeNoFsync = noFsync
			client := url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", clientPort)}
			peer := url.URL{Scheme: "http", Host: fmt.Sprintf("127.0.0.1:%d", peerPort)}
			cfg.ListenClientUrls = []url.URL{client}
			cfg.AdvertiseClientUrls = []url.URL{client}
			cfg.ListenPeerUrls = []url.URL{peer}
			cfg.AdvertisePeerUrls = []url.URL{peer}
			cfg.ListenMetricsUrls = nil
			cfg.InitialCluster = cfg.InitialClusterFromName(name)
			cfg.AutoCompactionMode = embed.CompactorModePeriodic
			cfg.AutoCompactionRetention = "1h"
			cfg.WarningUnaryRequestDuration = embed.DefaultWarningUnaryRequestDuration
			cfg.QuotaBackendBytes = 2 * 1024 * 1024 * 1024

			e, err := embed.StartEtcd(cfg)
			if err != nil {
				return fmt.Errorf("starting etcd: %w", err)
			}
			defer e.Close()
			select {
			case <-e.Server.ReadyNotify():
				fmt.Fprintf(os.Stderr, "etcd ready, serving clients on %s\n", client.String())
			case <-time.After(60 * time.Second):
				e.Server.Stop()
				return fmt.Errorf("etcd did not become ready within 60s")
			}
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
			select {
			case s := <-sig:
				fmt.Fprintf(os.Stderr, "etcd: received %s, shutting down\n", s)
				return nil
			case err := <-e.Err():
				return err
			}
		},
	}
	f := cmd.Flags()
	f.StringVar(&dataDir, "data-dir", "", "etcd data directory (required)")
	f.IntVar(&clientPort, "client-port", 2379, "client port on 127.0.0.1")
	f.IntVar(&peerPort, "peer-port", 2380, "peer port on 127.0.0.1")
	f.StringVar(&name, "name", "local-cluster", "member name")
	f.StringVar(&logLevel, "log-level", "warn", "debug, info, warn or error")
	f.BoolVar(&noFsync, "unsafe-no-fsync", false, "disable fsync (faster, data may be lost on crash)")
	return cmd
}
