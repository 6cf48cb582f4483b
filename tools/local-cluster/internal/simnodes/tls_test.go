package simnodes

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// testCA writes a CA certificate and key (as start.sh's openssl does) and loads it.
func testCA(t *testing.T, cn string) (*certAuthority, string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	crt, kf := filepath.Join(dir, "ca.crt"), filepath.Join(dir, "ca.key")
	_ = os.WriteFile(crt, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	_ = os.WriteFile(kf, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	ca, err := loadCA(crt, kf)
	if err != nil {
		t.Fatal(err)
	}
	return ca, crt
}

// clientCert is a client certificate signed by ca.
func clientCert(t *testing.T, ca *certAuthority, cn string, orgs ...string) tls.Certificate {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: cn, Organization: orgs},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// The kubelet API over TLS as the API server reaches it: serving certificate for
// the node IP signed by the cluster CA, client certificate checked.
func TestKubeletTLS(t *testing.T) {
	ca, _ := testCA(t, "test-ca")
	other, _ := testCA(t, "other-ca")
	cert, err := ca.serving("system:node:n", []string{"n"}, []net.IP{net.ParseIP("127.0.0.1")})
	if err != nil {
		t.Fatal(err)
	}
	store := &fakePods{pods: map[string]*corev1.Pod{}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr, err := serveTLS(ctx, "test kubelet", "127.0.0.1:0", cert,
		&tls.Config{ClientAuth: tls.VerifyClientCertIfGiven, ClientCAs: ca.pool}, withClientCert(newKubeletServer("n", store.get, store.list)))
	if err != nil {
		t.Fatal(err)
	}
	call := func(certs ...tls.Certificate) (int, string) {
		c := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.pool, Certificates: certs}}}
		resp, err := c.Get("https://" + addr.String() + "/healthz")
		if err != nil {
			t.Fatal(err) // includes a serving certificate that does not verify for the IP
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := call(clientCert(t, ca, "kube-apiserver-kubelet-client", "kubeadm:cluster-admins")); code != 200 || body != "ok" {
		t.Errorf("API server's kubelet client: %d %q", code, body)
	}
	if code, body := call(clientCert(t, ca, "kubernetes-admin", "system:masters")); code != 200 {
		t.Errorf("cluster admin: %d %q", code, body)
	}
	if code, body := call(clientCert(t, ca, "jane")); code != 403 || body != "Forbidden (user=jane, verb=get, resource=nodes, subresource(s)=[healthz])" {
		t.Errorf("other user: %d %q", code, body)
	}
	if code, body := call(); code != 401 {
		t.Errorf("no client certificate: %d %q", code, body)
	}
	// A client certificate from another CA is not accepted (the client does not
	// even offer it, as the server asks for certificates of its CA).
	c := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: ca.pool,
		Certificates: []tls.Certificate{clientCert(t, other, "kube-apiserver-kubelet-client")}}}}
	if resp, err := c.Get("https://" + addr.String() + "/healthz"); err == nil {
		resp.Body.Close()
		if resp.StatusCode != 401 {
			t.Errorf("client certificate of another CA: %d, want 401", resp.StatusCode)
		}
	}
	if len(certPEM(cert)) == 0 {
		t.Error("no PEM")
	}
}
