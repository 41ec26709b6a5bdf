using System.Diagnostics.CodeAnalysis;
using Netlink.Messages;

namespace Netlink.Route;

/// <summary>Turns one rtnetlink notification into a <see cref="RouteEvent"/> with the per-kind decoders.</summary>
internal static class RouteEventDecoder
{
    /// <summary>The RTNLGRP_* group numbers of <paramref name="groups"/>.</summary>
    public static uint[] GroupNumbers(RouteEventGroups groups)
    {
        var numbers = new List<uint>();
        if ((groups & RouteEventGroups.Links) != 0)
        {
            numbers.Add(1);
        }

        if ((groups & RouteEventGroups.Neighbours) != 0)
        {
            numbers.Add(3);
        }

        if ((groups & RouteEventGroups.Addresses) != 0)
        {
            numbers.AddRange([5, 9]);
        }

        if ((groups & RouteEventGroups.Routes) != 0)
        {
            numbers.AddRange([7, 11]);
        }

        if ((groups & RouteEventGroups.Rules) != 0)
        {
            numbers.AddRange([8, 19]);
        }

        return [.. numbers];
    }

    /// <summary>Decodes a dump reply as a snapshot item.</summary>
    public static bool TryDecodeSnapshot(NetlinkMessage message, [MaybeNullWhen(false)] out RouteEvent routeEvent) =>
        TryDecode(message, snapshot: true, out routeEvent);

    /// <summary>Decodes a live notification (the decoder of an event stream).</summary>
    public static bool TryDecodeNotification(NetlinkMessage message, [MaybeNullWhen(false)] out RouteEvent routeEvent) =>
        TryDecode(message, snapshot: false, out routeEvent);

    /// <summary>Decodes a notification; false for types this stream does not model (or undecodable ones).</summary>
    public static bool TryDecode(NetlinkMessage message, bool snapshot, [MaybeNullWhen(false)] out RouteEvent routeEvent)
    {
        routeEvent = null;
        RouteEventKind kind = message.Type switch
        {
            16 or 20 or 24 or 28 or 32 => RouteEventKind.New,
            17 or 21 or 25 or 29 or 33 => RouteEventKind.Deleted,
            _ => RouteEventKind.Overrun,
        };
        if (kind == RouteEventKind.Overrun)
        {
            return false;
        }

        switch (message.Type)
        {
            case 16 or 17 when LinkDecoder.TryDecode(message, out Link? link):
                routeEvent = new RouteEvent { Kind = kind, IsSnapshot = snapshot, Link = link };
                break;
            case 20 or 21 when AddressDecoder.TryDecode(message, out Address? address):
                routeEvent = new RouteEvent { Kind = kind, IsSnapshot = snapshot, Address = address };
                break;
            case 24 or 25 when RouteDecoder.TryDecode(message, out Route? route):
                routeEvent = new RouteEvent { Kind = kind, IsSnapshot = snapshot, Route = route };
                break;
            case 28 or 29 when NeighbourDecoder.TryDecode(message, out Neighbour? neighbour):
                routeEvent = new RouteEvent { Kind = kind, IsSnapshot = snapshot, Neighbour = neighbour };
                break;
            case 32 or 33 when RuleDecoder.TryDecode(message, out Rule? rule):
                routeEvent = new RouteEvent { Kind = kind, IsSnapshot = snapshot, Rule = rule };
                break;
        }

        return routeEvent is not null;
    }
}
