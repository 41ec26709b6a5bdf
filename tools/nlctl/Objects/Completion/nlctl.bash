# bash completion for nlctl (written by "nlctl completion bash"; install with "nlctl completion install").
# Candidates come from nlctl itself: objects, verbs, keywords, interface names of the -n namespace,
# table, protocol and scope names, neighbour and socket states.
_nlctl()
{
    local IFS=$'\n'
    local candidates
    candidates=$("${COMP_WORDS[0]}" completion words -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    if [[ "$candidates" == $'\001files' ]]; then
        compopt -o default 2>/dev/null
        COMPREPLY=()
        return
    fi
    COMPREPLY=($candidates)
}
complete -F _nlctl nlctl
