import { lexer } from 'marked'
console.log(JSON.stringify(lexer('<<script>script>alert(1)<</script>/script>'), null, 1))
console.log(JSON.stringify(lexer('<scr<script>ipt>alert(1)</script>'), null, 1))
