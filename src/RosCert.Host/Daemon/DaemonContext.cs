using RosCert.Commands.Execution;

namespace RosCert.Host.Daemon;

/// <summary>What every service of the daemon shares.</summary>
public sealed record DaemonContext(CommandEnvironment Environment, IAuthenticator Authenticator, CertificateCache Certificates, JsonLog Log);
