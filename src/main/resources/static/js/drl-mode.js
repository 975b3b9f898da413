// CodeMirror 5 mode for Drools DRL (simple mode addon): keywords, strings, comments, @annotations, ${parameters}.
(function () {
  'use strict';
  if (!window.CodeMirror || !CodeMirror.defineSimpleMode) {
    return;
  }
  const keywords = ['rule', 'when', 'then', 'end', 'package', 'import', 'declare', 'function', 'query', 'global',
    'salience', 'no-loop', 'lock-on-active', 'agenda-group', 'activation-group', 'auto-focus', 'dialect', 'enabled',
    'date-effective', 'date-expires', 'duration', 'timer', 'calendars', 'attributes', 'extends', 'not', 'exists',
    'forall', 'accumulate', 'collect', 'from', 'over', 'entry-point', 'and', 'or', 'eval', 'in', 'matches',
    'memberOf', 'contains', 'soundslike', 'str', 'init', 'action', 'reverse', 'result', 'modify', 'insert',
    'insertLogical', 'update', 'retract', 'delete', 'new', 'return', 'if', 'else', 'for', 'this'];
  // longest first, so that 'no-loop' is not read as 'no' '-' 'loop', and whole words only
  const words = keywords.slice().sort(function (a, b) { return b.length - a.length; })
    .map(function (k) { return k.replace(/-/g, '\\-'); });
  const keyword = new RegExp('(?:' + words.join('|') + ')(?![\\w-])');
  CodeMirror.defineSimpleMode('drl', {
    start: [
      {regex: /\/\/.*/, token: 'comment'},
      {regex: /\/\*/, token: 'comment', next: 'comment'},
      {regex: /"(?:[^\\"]|\\.)*?(?:"|$)/, token: 'string'},
      {regex: /'(?:[^\\']|\\.)*?(?:'|$)/, token: 'string'},
      {regex: /\$\{[A-Za-z][A-Za-z0-9]*\}/, token: 'parameter'},
      {regex: /@[A-Za-z_][\w.]*/, token: 'meta'},
      {regex: /window:(?:time|length)\b/, token: 'keyword'},
      {regex: keyword, token: 'keyword'},
      {regex: /(?:true|false|null)\b/, token: 'atom'},
      {regex: /\$[A-Za-z_]\w*/, token: 'variable-2'},
      {regex: /\d+(?:\.\d+)?[smhd]?\b/i, token: 'number'},
      {regex: /[A-Z][\w]*/, token: 'type'},
      {regex: /[-+\/*=<>!&|:]+/, token: 'operator'},
      {regex: /[{[(]/, indent: true},
      {regex: /[}\])]/, dedent: true},
      {regex: /[a-z_][\w]*/, token: 'variable'}
    ],
    comment: [
      {regex: /.*?\*\//, token: 'comment', next: 'start'},
      {regex: /.*/, token: 'comment'}
    ],
    meta: {lineComment: '//', blockCommentStart: '/*', blockCommentEnd: '*/', dontIndentStates: ['comment']}
  });
  CodeMirror.defineMIME('text/x-drl', 'drl');
})();
