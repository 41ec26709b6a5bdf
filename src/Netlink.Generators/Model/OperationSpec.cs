using System.Collections.Generic;

namespace Netlink.Generators.Model;

/// <summary>An operation, with its do/dump modes and notification id.</summary>
internal sealed record OperationSpec
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# name.</summary>
    public required Identifier Cs { get; init; }

    /// <summary>The typed request class (<c>{Op}Request</c>).</summary>
    public required string RequestClass { get; init; }

    /// <summary>The typed reply class (<c>{Op}Reply</c>).</summary>
    public required string ReplyClass { get; init; }

    /// <summary>The typed notification class (<c>{Op}Event</c>).</summary>
    public required string EventClass { get; init; }

    /// <summary>The attribute set of its messages (a notification takes its target's).</summary>
    public string? AttrSet { get; init; }

    /// <summary>The fixed header (netlink-raw; the family default applies).</summary>
    public string? FixedHeader { get; init; }

    /// <summary>The <c>do</c> mode.</summary>
    public OperationModeSpec? Do { get; init; }

    /// <summary>The <c>dump</c> mode.</summary>
    public OperationModeSpec? Dump { get; init; }

    /// <summary>The message type or command of a notification (<c>notify</c>/<c>event</c>), -1 otherwise.</summary>
    public int EventValue { get; init; } = -1;

    /// <summary>The multicast group its notifications go to.</summary>
    public string? Mcgrp { get; init; }

    /// <summary>The doc text.</summary>
    public string? Doc { get; init; }

    /// <summary>True for <c>notify</c> and <c>event</c> operations.</summary>
    public bool IsNotification => EventValue >= 0;

    /// <summary>Every message type or command this operation uses, ascending, without repeats.</summary>
    public IEnumerable<int> MessageValues
    {
        get
        {
            var values = new SortedSet<int>();
            foreach (int v in new[] { Do?.RequestValue ?? -1, Do?.ReplyValue ?? -1, Dump?.RequestValue ?? -1, Dump?.ReplyValue ?? -1, EventValue })
            {
                if (v >= 0)
                {
                    values.Add(v);
                }
            }

            return values;
        }
    }
}
