namespace C2C.Core.Partners;

/// <summary>What a registered party may do at this node. The roles are kept apart (separation of duties).</summary>
public enum PartnerRole
{
    /// <summary>A partner administration: may post messages sent from the offices it owns.</summary>
    Partner,

    /// <summary>An auditor: read-only access to the console and the archive; may not post messages.</summary>
    Auditor,

    /// <summary>
    /// An operator (the node's operations team): reads, replays and purges dead-lettered deliveries; every such action is
    /// recorded. Neither posts messages nor opens the auditor's archive.
    /// </summary>
    Operator,
}
