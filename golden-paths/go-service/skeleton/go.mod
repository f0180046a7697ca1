module github.com/${{ parameters.githubOrg }}/${{ parameters.name }}

go 1.19
