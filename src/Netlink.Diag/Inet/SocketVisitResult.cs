namespace Netlink.Diag;

/// <summary>How a visiting dump ended.</summary>
/// <param name="MessageCount">Reply messages received (sockets visited).</param>
/// <param name="Interrupted">NLM_F_DUMP_INTR was seen: the table changed meanwhile; re-run for a consistent view.</param>
public readonly record struct SocketVisitResult(int MessageCount, bool Interrupted);
